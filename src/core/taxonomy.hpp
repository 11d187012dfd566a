#pragma once
// Taxonomy: the categories a project uses (sectors, fields of action, link types, link statuses,
// levels), each with a stable key, German and English labels and a colour. The defaults are
// those of DOMAIN.md; a project may add or relabel categories.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace knp {

// A language: its index among the message catalogues (core/i18n.hpp). German and English are
// always there; further languages come from further catalogues, without a name here.
enum class Lang : std::uint8_t { De = 0, En = 1 };

enum class LineStyle { Solid, Dashed, Dotted };

struct Category {
    std::string key;                  // stable identifier stored in the project file
    std::string labelDe;              // German label (shown by default)
    std::string labelEn;              // English label
    std::uint32_t color = 0x808080;   // 0xRRGGBB
    LineStyle line = LineStyle::Solid;  // link types only

    const std::string& label(Lang lang) const { return lang == Lang::De ? labelDe : labelEn; }
    bool operator==(const Category&) const = default;
};

enum class CategoryKind { Sector, Field, LinkType, Status, Level };

struct Taxonomy {
    std::vector<Category> sectors;
    std::vector<Category> fields;
    std::vector<Category> linkTypes;
    std::vector<Category> statuses;
    std::vector<Category> levels;

    static Taxonomy defaults();

    const std::vector<Category>& list(CategoryKind kind) const;
    std::vector<Category>& list(CategoryKind kind);

    // Finds a category by key, German or English label (case- and space-insensitive).
    const Category* find(CategoryKind kind, std::string_view keyOrLabel) const;
    const Category* byKey(CategoryKind kind, std::string_view key) const;
    // The label of a key in `lang`; the key itself when unknown, "" for an empty key.
    std::string labelOf(CategoryKind kind, std::string_view key, Lang lang) const;
    // Adds a category for a label no existing one matches; returns its key.
    std::string addCustom(CategoryKind kind, std::string_view label);

    bool operator==(const Taxonomy&) const = default;
};

// The colour an actor is drawn in when its sector is empty or unknown.
constexpr std::uint32_t kNoSectorColor = 0xBBBBBB;
// The colour of a sector key (kNoSectorColor for none).
std::uint32_t sectorColor(const Taxonomy& taxonomy, std::string_view key);

// Colours as text: "#RRGGBB" (exports, the view's files) and back; the parser takes the '#'
// as optional and ignores an alpha pair after the colour ("#RRGGBBAA", as yEd writes).
std::string colorHex(std::uint32_t rgb);
std::optional<std::uint32_t> parseColorHex(std::string_view text);

const char* kindName(CategoryKind kind);  // "sector", "field", "link type", "status", "level"

// Lower-case ASCII key for a label: umlauts transliterated, other characters become '_'.
std::string slugify(std::string_view label);
// Normalised form for comparing labels: case-folded (also Ä/Ö/Ü), inner spaces collapsed.
std::string normalizeLabel(std::string_view text);

}  // namespace knp
