#include "io/export_text.hpp"

#include <cstdio>

namespace knp {

std::string exactNumber(double value) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.17g", value);
    return buf;
}

std::string joinList(const std::vector<std::string>& items) {
    std::string out;
    for (const std::string& s : items) out += (out.empty() ? "" : "|") + s;
    return out;
}

std::string joinLabels(const Taxonomy& taxonomy, CategoryKind kind, const std::vector<std::string>& keys, Lang lang) {
    std::string out;
    for (const std::string& k : keys) out += (out.empty() ? "" : "|") + taxonomy.labelOf(kind, k, lang);
    return out;
}

}  // namespace knp
