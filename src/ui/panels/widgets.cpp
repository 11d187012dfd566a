#include "ui/panels/widgets.hpp"

#include "core/i18n.hpp"

namespace knp::ui {

const char* T(const AppState& s, const char* key) { return tr(s.lang, key); }

ImVec4 color(std::uint32_t rgb, float alpha) {
    return ImVec4(((rgb >> 16) & 0xFF) / 255.f, ((rgb >> 8) & 0xFF) / 255.f, (rgb & 0xFF) / 255.f, alpha);
}

bool categoryCombo(const AppState& s, const char* label, CategoryKind kind, std::string& key, bool allowNone) {
    const auto& cats = s.network().taxonomy.list(kind);
    const Category* current = s.network().taxonomy.byKey(kind, key);
    bool changed = false;
    if (ImGui::BeginCombo(label, current ? current->label(s.lang).c_str() : T(s, "field.none"))) {
        if (allowNone && ImGui::Selectable(T(s, "field.none"), key.empty())) { key.clear(); changed = true; }
        for (const Category& c : cats)
            if (ImGui::Selectable(c.label(s.lang).c_str(), c.key == key)) { key = c.key; changed = true; }
        ImGui::EndCombo();
    }
    return changed;
}

void updateActor(AppState& s, const Actor& after) {
    try {
        commit(s, cmdUpdateActor(s.network(), after));
    } catch (const std::exception& e) {
        s.status = e.what();
    }
}

void updateLink(AppState& s, const Link& after) {
    try {
        commit(s, cmdUpdateLink(s.network(), after));
    } catch (const std::exception& e) {
        s.status = e.what();
    }
}

}  // namespace knp::ui
