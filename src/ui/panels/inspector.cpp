// The inspector: the selected link or actor, its fields edited in place (one undoable step each).
#include "ui/panels/panels.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "core/file_output.hpp"
#include "core/i18n.hpp"
#include "ui/panels/widgets.hpp"

namespace knp::ui {

void drawInspector(AppState& s) {
    const Network& n = s.network();
    ImGui::Begin(T(s, "panel.inspector"));
    if (s.selectedLink) {
        const Link* l = n.findLink(*s.selectedLink);
        if (!l) { s.selectedLink.reset(); ImGui::End(); return; }
        Link edit = *l;
        // An arrow only where the link has a direction; an undirected link joins the two alike.
        // (Wrapped: two long names do not fit on one line of the panel.)
        ImGui::TextWrapped("%s %s %s", n.findActor(l->source)->name.c_str(), l->directed ? "\u2192" : "\u2013", n.findActor(l->target)->name.c_str());
        const Form form({T(s, "field.type"), T(s, "field.strength"), T(s, "field.status"), T(s, "field.note")},
                        std::max(widestCategory(s, CategoryKind::LinkType), widestCategory(s, CategoryKind::Status)));
        if (categoryCombo(s, form.field(T(s, "field.type")).c_str(), CategoryKind::LinkType, edit.type, true)) updateLink(s, edit);
        int strength = static_cast<int>(std::lround(std::clamp(edit.strength, 1.0, 3.0)));
        const char* strengthName = T(s, strength == 1 ? "strength.1" : strength == 2 ? "strength.2" : "strength.3");
        if (ImGui::SliderInt(form.field(T(s, "field.strength")).c_str(), &strength, 1, 3, strengthName)) { edit.strength = strength; updateLink(s, edit); }
        if (ImGui::Checkbox(T(s, "field.directed"), &edit.directed)) updateLink(s, edit);
        if (categoryCombo(s, form.field(T(s, "field.status")).c_str(), CategoryKind::Status, edit.status, false)) updateLink(s, edit);
        ImGui::InputTextMultiline(form.field(T(s, "field.note")).c_str(), &edit.note, ImVec2(form.width(), 60));
        if (ImGui::IsItemDeactivatedAfterEdit()) updateLink(s, edit);
        if (ImGui::Button(T(s, "inspector.remove"))) {
            try { commit(s, cmdRemoveLink(n, l->id)); s.selectedLink.reset(); } catch (const std::exception& e) { s.status = e.what(); }
        }
    } else if (s.selectedActors.size() == 1) {
        const Actor* a = n.findActor(*s.selectedActors.begin());
        if (!a) { s.selectedActors.clear(); ImGui::End(); return; }
        Actor edit = *a;
        // Text fields commit when the field is left: one undo step per field. The form is wide
        // enough for the longest sector's name ("Zivilgesellschaft und Ehrenamt") or stacked.
        const Form form({T(s, "field.name"), T(s, "field.short_name"), T(s, "field.sector"), T(s, "field.level"), T(s, "field.influence"),
                         T(s, "field.contact_person"), T(s, "field.note")},
                        std::max(widestCategory(s, CategoryKind::Sector), widestCategory(s, CategoryKind::Level)));
        ImGui::InputText(form.field(T(s, "field.name")).c_str(), &edit.name);
        if (ImGui::IsItemDeactivatedAfterEdit()) updateActor(s, edit);
        ImGui::InputText(form.field(T(s, "field.short_name")).c_str(), &edit.shortName);
        if (ImGui::IsItemDeactivatedAfterEdit()) updateActor(s, edit);
        if (categoryCombo(s, form.field(T(s, "field.sector")).c_str(), CategoryKind::Sector, edit.sector, true)) updateActor(s, edit);
        if (categoryCombo(s, form.field(T(s, "field.level")).c_str(), CategoryKind::Level, edit.level, true)) updateActor(s, edit);
        if (ImGui::SliderInt(form.field(T(s, "field.influence")).c_str(), &edit.influence, 0, 5)) {}
        if (ImGui::IsItemDeactivatedAfterEdit()) updateActor(s, edit);
        if (ImGui::Checkbox(T(s, "field.contact_point"), &edit.contactPoint)) updateActor(s, edit);
        if (ImGui::Checkbox(T(s, "field.pinned"), &edit.pinned)) updateActor(s, edit);
        if (ImGui::TreeNodeEx(T(s, "field.fields"), ImGuiTreeNodeFlags_DefaultOpen)) {
            for (const Category& f : n.taxonomy.fields) {
                bool on = std::find(edit.fields.begin(), edit.fields.end(), f.key) != edit.fields.end();
                if (ImGui::Checkbox(f.label(s.lang).c_str(), &on)) {
                    if (on) edit.fields.push_back(f.key);
                    else edit.fields.erase(std::find(edit.fields.begin(), edit.fields.end(), f.key));
                    updateActor(s, edit);
                }
            }
            ImGui::TreePop();
        }
        ImGui::InputText(form.field(T(s, "field.contact_person")).c_str(), &edit.contactPerson);
        if (ImGui::IsItemDeactivatedAfterEdit()) updateActor(s, edit);
        if (!edit.contactPerson.empty()) {
            // Consent of the contact person (DSGVO): ticking it records today's date.
            if (ImGui::Checkbox(T(s, "field.consent"), &edit.consent)) {
                if (edit.consent && edit.consentDate.empty()) edit.consentDate = utcTimestamp().substr(0, 10);
                updateActor(s, edit);
            }
            ImGui::SameLine();
            ImGui::SetNextItemWidth(110 * s.contentScale);
            ImGui::InputTextWithHint("##consent_date", "JJJJ-MM-TT", &edit.consentDate);
            if (ImGui::IsItemDeactivatedAfterEdit()) updateActor(s, edit);
            if (s.project() && !s.compare.active) {
                if (ImGui::SmallButton(T(s, "person.export"))) {
                    // Everything stored about the person, as JSON beside the project (mode 0600).
                    try {
                        const std::filesystem::path p(s.project()->path());
                        const std::string out = (p.parent_path() / (p.stem().string() + " - Auskunft " + edit.contactPerson + ".json")).string();
                        writeFileAtomically(out, s.project()->personData(edit.contactPerson) + "\n");
                        std::filesystem::permissions(out, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
                        s.status = std::string(T(s, "person.exported")) + " " + out;
                    } catch (const std::exception& e) {
                        s.status = e.what();
                    }
                }
                ImGui::SameLine();
                if (ImGui::SmallButton(T(s, "person.erase"))) s.erasePerson = edit.contactPerson;
            }
        }
        ImGui::InputTextMultiline(form.field(T(s, "field.note")).c_str(), &edit.note, ImVec2(form.width(), 60));
        if (ImGui::IsItemDeactivatedAfterEdit()) updateActor(s, edit);
        if (ImGui::Button(T(s, "inspector.link_from"))) {
            s.canvas.tool = Tool::Link;
            s.canvas.linkFrom = a->id;
        }
        ImGui::SameLine();
        if (ImGui::Button(T(s, "inspector.remove"))) {
            try { commit(s, cmdRemoveActor(n, a->id)); s.selectedActors.clear(); } catch (const std::exception& e) { s.status = e.what(); }
        }
    } else if (s.selectedActors.size() > 1) {
        ImGui::Text(T(s, "inspector.many"), static_cast<int>(s.selectedActors.size()));
    } else {
        ImGui::TextWrapped("%s", T(s, "inspector.nothing"));
    }
    ImGui::End();
}

}  // namespace knp::ui
