// The snapshots window: take, list, compare, restore (restoring is one undoable step).
#include "ui/panels/panels.hpp"

#include <imgui.h>

#include <vector>

#include "core/i18n.hpp"
#include "ui/compare_view.hpp"
#include "ui/panels/widgets.hpp"

namespace knp::ui {

void drawSnapshots(AppState& s) {
    if (!s.showSnapshots) return;
    ImGui::Begin(T(s, "panel.snapshots"), &s.showSnapshots);
    if (!s.project()) {
        ImGui::TextWrapped("%s", T(s, "status.readonly_import"));
        ImGui::End();
        return;
    }
    ImGui::InputTextWithHint("##snapshot", T(s, "snapshot.name"), s.snapshotName, sizeof s.snapshotName);
    ImGui::SameLine();
    if (ImGui::Button(T(s, "menu.snapshot_take")) && s.snapshotName[0]) {
        try {
            s.project()->takeSnapshot(s.snapshotName);
            s.snapshotName[0] = 0;
        } catch (const std::exception& e) {
            s.status = e.what();
        }
    }
    std::vector<SnapshotInfo> snaps;
    try { snaps = s.project()->snapshots(); } catch (const std::exception& e) { s.status = e.what(); }
    for (const SnapshotInfo& snap : snaps) {
        ImGui::PushID(snap.name.c_str());
        ImGui::Text("%s  (%s, %zu / %zu)", snap.name.c_str(), snap.created.c_str(), snap.actors, snap.links);
        ImGui::SameLine();
        if (ImGui::SmallButton(T(s, "panel.compare"))) {
            leaveCompare(s);
            enterCompare(s, snap.name);
        }
        ImGui::SameLine();
        if (ImGui::SmallButton(T(s, "snapshot.restore"))) {
            leaveCompare(s);
            try {
                s.project()->restoreSnapshot(snap.name);
                ++s.version;
                s.canvas.fitRequested = true;
            } catch (const std::exception& e) {
                s.status = e.what();
            }
        }
        ImGui::PopID();
    }
    ImGui::End();
}

}  // namespace knp::ui
