#pragma once
// Values as the exporters write them: numbers that read back exactly, lists joined by '|' (as
// every importer splits them), categories as labels in the chosen language.
#include <string>
#include <vector>

#include "core/taxonomy.hpp"

namespace knp {

std::string exactNumber(double value);  // %.17g: reads back as the same double
std::string joinList(const std::vector<std::string>& items);
std::string joinLabels(const Taxonomy& taxonomy, CategoryKind kind, const std::vector<std::string>& keys, Lang lang);

}  // namespace knp
