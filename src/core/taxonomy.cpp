#include "core/taxonomy.hpp"

#include <cassert>

namespace knp {

Taxonomy Taxonomy::defaults() {
    Taxonomy t;
    // Colours: a qualitative palette that stays distinguishable on a projector.
    t.sectors = {
        {"verwaltung", "Kommunalverwaltung", "Municipal administration", 0x1F77B4},
        {"arbeitsmarkt", "Arbeitsmarkt", "Labour market", 0xFF7F0E},
        {"bund_land", "Bund und Land", "Federal and state bodies", 0x7F7F7F},
        {"wohlfahrt", "Wohlfahrtsverbände", "Welfare organisations", 0xD62728},
        {"zivilgesellschaft", "Zivilgesellschaft und Ehrenamt", "Civil society and volunteers", 0x2CA02C},
        {"migrantenorganisationen", "Migrantenorganisationen", "Migrant organisations", 0x9467BD},
        {"bildung", "Bildung", "Education", 0xE3B505},
        {"gesundheit", "Gesundheit", "Health", 0x17BECF},
        {"wohnen", "Wohnen", "Housing", 0x8C564B},
        {"politik", "Politik", "Politics", 0xE377C2},
        {"wirtschaft", "Wirtschaft", "Business", 0x393B79},
    };
    t.fields = {
        {"wohnen", "Wohnen und Unterbringung", "Housing and accommodation", 0x8C564B},
        {"bildung", "Bildung, Betreuung und Sprache", "Education, childcare and language", 0xE3B505},
        {"arbeit", "Arbeit und Ausbildung", "Work and training", 0xFF7F0E},
        {"gemeinschaft", "Gemeinschaft und Gesundheit", "Community and health", 0x17BECF},
        {"dialog", "Dialog und Beteiligung", "Dialogue and participation", 0xE377C2},
        {"aufnahme", "Aufnahme und Erstversorgung", "Reception", 0x7F7F7F},
        {"koordination", "Koordination", "Coordination", 0x1F77B4},
    };
    t.linkTypes = {
        {"information", "Informationsaustausch", "Information exchange", 0x6BAED6, LineStyle::Dotted},
        {"kooperation", "Kooperation", "Cooperation", 0x2CA02C, LineStyle::Solid},
        {"verweisung", "Verweisung", "Referral", 0xFF7F0E, LineStyle::Solid},
        {"finanzierung", "Finanzierung", "Funding", 0x9467BD, LineStyle::Solid},
        {"daten", "Datenaustausch", "Data sharing", 0x17BECF, LineStyle::Dashed},
        {"weisung", "Weisung", "Instruction", 0x393B79, LineStyle::Solid},
        {"konflikt", "Konflikt", "Conflict", 0xD62728, LineStyle::Dashed},
    };
    t.statuses = {
        {"besteht", "besteht", "existing", 0x000000, LineStyle::Solid},
        {"geplant", "geplant", "planned", 0x000000, LineStyle::Dashed},
        {"gewuenscht", "gewünscht", "wished", 0x000000, LineStyle::Dotted},
    };
    t.levels = {
        {"kommunal", "kommunal", "municipal"},
        {"kreis", "Kreis", "district"},
        {"land", "Land", "state"},
        {"bund", "Bund", "federal"},
    };
    return t;
}

const std::vector<Category>& Taxonomy::list(CategoryKind kind) const {
    switch (kind) {
        case CategoryKind::Sector: return sectors;
        case CategoryKind::Field: return fields;
        case CategoryKind::LinkType: return linkTypes;
        case CategoryKind::Status: return statuses;
        case CategoryKind::Level: return levels;
    }
    assert(false);
    return sectors;
}

std::vector<Category>& Taxonomy::list(CategoryKind kind) {
    return const_cast<std::vector<Category>&>(static_cast<const Taxonomy&>(*this).list(kind));
}

const Category* Taxonomy::byKey(CategoryKind kind, std::string_view key) const {
    for (const Category& c : list(kind))
        if (c.key == key) return &c;
    return nullptr;
}

std::string Taxonomy::labelOf(CategoryKind kind, std::string_view key, Lang lang) const {
    if (key.empty()) return {};
    const Category* c = byKey(kind, key);
    return c ? c->label(lang) : std::string(key);
}

const Category* Taxonomy::find(CategoryKind kind, std::string_view keyOrLabel) const {
    if (const Category* c = byKey(kind, keyOrLabel)) return c;
    const std::string wanted = normalizeLabel(keyOrLabel);
    if (wanted.empty()) return nullptr;
    for (const Category& c : list(kind))
        if (normalizeLabel(c.labelDe) == wanted || normalizeLabel(c.labelEn) == wanted ||
            normalizeLabel(c.key) == wanted)
            return &c;
    return nullptr;
}

std::string Taxonomy::addCustom(CategoryKind kind, std::string_view label) {
    if (const Category* c = find(kind, label)) return c->key;
    std::vector<Category>& cats = list(kind);
    std::string base = slugify(label);
    if (base.empty()) base = "custom";
    std::string key = base;
    for (int n = 2; byKey(kind, key); ++n) key = base + "_" + std::to_string(n);
    // Custom categories get colours from a second palette, cycling.
    static constexpr std::uint32_t kExtra[] = {0xAEC7E8, 0xFFBB78, 0x98DF8A, 0xFF9896, 0xC5B0D5,
                                               0xC49C94, 0xF7B6D2, 0xC7C7C7, 0xDBDB8D, 0x9EDAE5};
    const std::uint32_t color = kExtra[cats.size() % std::size(kExtra)];
    cats.push_back({key, std::string(label), std::string(label), color, LineStyle::Solid});
    return key;
}

const char* kindName(CategoryKind kind) {
    switch (kind) {
        case CategoryKind::Sector: return "sector";
        case CategoryKind::Field: return "field of action";
        case CategoryKind::LinkType: return "link type";
        case CategoryKind::Status: return "status";
        case CategoryKind::Level: return "level";
    }
    return "category";
}

namespace {
// Maps the two-byte UTF-8 sequences of German letters to ASCII; returns nullptr otherwise.
const char* transliterate(unsigned char lead, unsigned char next) {
    if (lead != 0xC3) return nullptr;
    switch (next) {
        case 0xA4: case 0x84: return "ae";
        case 0xB6: case 0x96: return "oe";
        case 0xBC: case 0x9C: return "ue";
        case 0x9F: return "ss";
        default: return nullptr;
    }
}
}  // namespace

std::string slugify(std::string_view label) {
    std::string out;
    bool pendingSep = false;
    for (std::size_t i = 0; i < label.size(); ++i) {
        const auto ch = static_cast<unsigned char>(label[i]);
        const char* tr = (i + 1 < label.size()) ? transliterate(ch, static_cast<unsigned char>(label[i + 1])) : nullptr;
        char plain = 0;
        if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) plain = static_cast<char>(ch);
        else if (ch >= 'A' && ch <= 'Z') plain = static_cast<char>(ch - 'A' + 'a');
        if (!tr && !plain) {
            pendingSep = !out.empty();
            continue;
        }
        if (pendingSep) out.push_back('_');
        pendingSep = false;
        if (tr) {
            out.append(tr);
            ++i;
        } else {
            out.push_back(plain);
        }
    }
    return out;
}

std::string normalizeLabel(std::string_view text) {
    std::string out;
    bool space = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto ch = static_cast<unsigned char>(text[i]);
        if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') { space = !out.empty(); continue; }
        if (space) out += ' ';
        space = false;
        if (ch >= 'A' && ch <= 'Z') { out += static_cast<char>(ch - 'A' + 'a'); continue; }
        // Upper-case umlauts (C3 84/96/9C) fold to lower case (C3 A4/B6/BC).
        if (ch == 0xC3 && i + 1 < text.size()) {
            auto next = static_cast<unsigned char>(text[i + 1]);
            if (next == 0x84 || next == 0x96 || next == 0x9C) next = static_cast<unsigned char>(next + 0x20);
            out += static_cast<char>(ch);
            out += static_cast<char>(next);
            ++i;
            continue;
        }
        out += static_cast<char>(ch);
    }
    return out;
}

std::uint32_t sectorColor(const Taxonomy& taxonomy, std::string_view key) {
    const Category* sector = key.empty() ? nullptr : taxonomy.byKey(CategoryKind::Sector, key);
    return sector ? sector->color : kNoSectorColor;
}

std::string colorHex(std::uint32_t rgb) {
    static const char digits[] = "0123456789ABCDEF";
    std::string out = "#";
    for (int shift = 20; shift >= 0; shift -= 4) out += digits[rgb >> shift & 0xF];
    return out;
}

std::optional<std::uint32_t> parseColorHex(std::string_view text) {
    if (!text.empty() && text.front() == '#') text.remove_prefix(1);
    if (text.size() != 6 && text.size() != 8) return std::nullopt;
    std::uint32_t rgb = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (digit < 0) return std::nullopt;
        if (i < 6) rgb = rgb << 4 | static_cast<std::uint32_t>(digit);
    }
    return rgb;
}

}  // namespace knp
