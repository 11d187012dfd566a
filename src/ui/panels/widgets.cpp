#include "ui/panels/widgets.hpp"

#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>

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
    const std::string preview = current ? current->label(s.lang) : std::string(T(s, "field.none"));
    // Room for the preview: the field less its arrow button and padding.
    const float room = ImGui::CalcItemWidth() - ImGui::GetFrameHeight() - 2 * ImGui::GetStyle().FramePadding.x;
    if (ImGui::BeginCombo(label, preview.c_str())) {
        if (allowNone && ImGui::Selectable(T(s, "field.none"), key.empty())) { key.clear(); changed = true; }
        for (const Category& c : cats)
            if (ImGui::Selectable(c.label(s.lang).c_str(), c.key == key)) { key = c.key; changed = true; }
        ImGui::EndCombo();
    } else if (ImGui::IsItemHovered() && ImGui::CalcTextSize(preview.c_str()).x > room) {
        ImGui::SetTooltip("%s", preview.c_str());
    }
    return changed;
}

float widestCategory(const AppState& s, CategoryKind kind) {
    float widest = ImGui::CalcTextSize(T(s, "field.none")).x;
    for (const Category& c : s.network().taxonomy.list(kind)) widest = std::max(widest, ImGui::CalcTextSize(c.label(s.lang).c_str()).x);
    return widest;
}

Form::Form(std::initializer_list<const char*> labels, float widestValue) {
    const ImGuiStyle& style = ImGui::GetStyle();
    float label = 0;
    for (const char* l : labels) label = std::max(label, ImGui::CalcTextSize(l, nullptr, true).x);
    const float beside = label + style.ItemInnerSpacing.x;
    const float needed = widestValue + ImGui::GetFrameHeight() + 2 * style.FramePadding.x;
    stacked_ = ImGui::GetContentRegionAvail().x - beside < needed;
    width_ = stacked_ ? -FLT_MIN : -beside;
}

std::string Form::field(const char* label) const {
    if (stacked_) ImGui::TextUnformatted(label, ImGui::FindRenderedTextEnd(label));
    ImGui::SetNextItemWidth(width_);
    return stacked_ ? std::string("##") + label : std::string(label);
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
