// The filters window: what is hidden is dimmed, never removed.
#include "ui/panels/panels.hpp"

#include <imgui.h>

#include <algorithm>

#include "core/i18n.hpp"
#include "ui/panels/widgets.hpp"

namespace knp::ui {

void drawFilters(AppState& s) {
    if (!s.showFilters) return;
    const Taxonomy& t = s.network().taxonomy;
    ImGui::Begin(T(s, "menu.filters"), &s.showFilters);
    auto group = [&](const char* title, const std::vector<Category>& cats, std::set<std::string>& hidden) {
        if (!ImGui::CollapsingHeader(title, ImGuiTreeNodeFlags_DefaultOpen)) return;
        ImGui::PushID(title);
        // "nur dieses": one category shown, the others hidden, in one click; "alle" undoes it.
        const float right = ImGui::GetWindowContentRegionMax().x;
        const float onlyWidth = ImGui::CalcTextSize(T(s, "filter.only")).x + 2 * ImGui::GetStyle().FramePadding.x;
        if (!hidden.empty() && ImGui::SmallButton(T(s, "filter.all"))) hidden.clear();
        for (const Category& c : cats) {
            ImGui::PushID(c.key.c_str());
            bool shown = !hidden.count(c.key);
            if (ImGui::Checkbox(c.label(s.lang).c_str(), &shown)) {
                if (shown) hidden.erase(c.key);
                else hidden.insert(c.key);
            }
            ImGui::SameLine(std::max(ImGui::GetCursorPosX(), right - onlyWidth));
            if (ImGui::SmallButton(T(s, "filter.only"))) {
                hidden.clear();
                for (const Category& other : cats)
                    if (other.key != c.key) hidden.insert(other.key);
            }
            ImGui::PopID();
        }
        ImGui::PopID();
    };
    group(T(s, "field.sector"), t.sectors, s.options.hiddenSectors);
    group(T(s, "field.fields"), t.fields, s.options.hiddenFields);
    group(T(s, "field.type"), t.linkTypes, s.options.hiddenLinkTypes);
    group(T(s, "field.status"), t.statuses, s.options.hiddenStatuses);
    ImGui::End();
}

}  // namespace knp::ui
