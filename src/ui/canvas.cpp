#include "ui/canvas.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

#include "core/encoding.hpp"
#include "layout/labels.hpp"
#include "layout/layout.hpp"
#include "session/layout_step.hpp"
#include "ui/compare_view.hpp"
#include "ui/free_area.hpp"
#include "ui/keys.hpp"

namespace knp::ui {

namespace {

std::uint32_t rgba(std::uint32_t rgb, std::uint8_t alpha = 255) {
    // RRGGBB -> bytes R, G, B, A in memory (little endian).
    return ((rgb >> 16) & 0xFF) | (rgb & 0xFF00) | ((rgb & 0xFF) << 16) | (std::uint32_t{alpha} << 24);
}

// An actor's fill: its sector's colour, or (colouring by a metric) the metric's value on the
// scale of the actors shown, as the diagrams colour it (core/encoding.hpp).
std::uint32_t actorColor(const Taxonomy& t, const Actor& a, const std::vector<double>* metric, const encoding::Scale& scale, std::size_t i) {
    if (metric) return std::isfinite((*metric)[i]) ? encoding::metricColor((*metric)[i], scale) : kNoSectorColor;
    const Category* sector = t.byKey(CategoryKind::Sector, a.sector);
    return sector ? sector->color : kNoSectorColor;
}

encoding::Scale colorScale(const std::vector<double>* metric, const std::vector<bool>& visible) {
    if (!metric) return {};
    return encoding::scaleOf(*metric, std::vector<char>(visible.begin(), visible.end()));
}

const std::vector<double>* metricColumn(const AppState& s, int index) {
    if (!s.results || index <= 0) return nullptr;
    const auto& cols = s.results->metrics.columns;
    if (static_cast<std::size_t>(index - 1) >= cols.size() || s.results->version != s.version) return nullptr;
    return &cols[static_cast<std::size_t>(index - 1)].values;
}

std::optional<std::uint32_t> actorAt(const AppState& s, const Point& w, const std::vector<double>& radius) {
    const Network& n = s.network();
    std::optional<std::uint32_t> best;
    double bestD = 1e300;
    for (std::uint32_t i = 0; i < n.actors().size(); ++i) {
        const Point p = shownPosition(s, i);
        const double d = std::hypot(p.x - w.x, p.y - w.y);
        const double slack = 3 / std::max(0.05f, s.canvas.view.scale);
        if (d <= radius[i] + slack && d < bestD) { bestD = d; best = i; }
    }
    return best;
}

std::optional<std::string> linkAt(const AppState& s, const Point& w) {
    const Network& n = s.network();
    const double tolerance = 5 / std::max(0.05f, s.canvas.view.scale);
    std::optional<std::string> best;
    double bestD = tolerance;
    const SceneCache& scene = sceneFor(s);
    for (std::size_t k = 0; k < n.links().size(); ++k) {
        const Link& l = n.links()[k];
        const Actor& a = n.actors()[scene.linkEnds[k].first];
        const Actor& b = n.actors()[scene.linkEnds[k].second];
        const double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
        if (len2 <= 0) continue;
        const double t = std::clamp(((w.x - a.x) * dx + (w.y - a.y) * dy) / len2, 0.0, 1.0);
        const double d = std::hypot(a.x + t * dx - w.x, a.y + t * dy - w.y);
        if (d < bestD) { bestD = d; best = l.id; }
    }
    return best;
}

}  // namespace

Point screenToWorld(const CanvasState& c, float sx, float sy, float width, float height) {
    return {c.view.originX + (sx - width / 2) / c.view.scale, c.view.originY - (sy - height / 2) / c.view.scale};
}

void worldToScreen(const render::CanvasView& v, const Point& p, float width, float height, float& sx, float& sy) {
    sx = static_cast<float>((p.x - v.originX) * v.scale + width / 2);
    sy = static_cast<float>(height / 2 - (p.y - v.originY) * v.scale);
}

void worldToScreen(const CanvasState& c, const Point& p, float width, float height, float& sx, float& sy) {
    worldToScreen(c.view, p, width, height, sx, sy);
}

namespace {

// Radii on the map in world units, by influence or the chosen metric, before the least size.
std::vector<double> mapRadii(const AppState& s) {
    const Network& n = s.network();
    std::vector<double> r = layout::actorRadii(n);
    if (const std::vector<double>* col = metricColumn(s, s.options.sizeBy)) {
        // The metric's scale over the actors shown, as the diagrams size them (core/encoding.hpp).
        const std::vector<bool> visible = visibleActors(s);
        const encoding::Scale scale = encoding::scaleOf(*col, std::vector<char>(visible.begin(), visible.end()));
        for (std::size_t i = 0; i < r.size(); ++i) r[i] = 12 + 28 * encoding::sizeFraction((*col)[i], scale);
    }
    return r;
}

// The least radius of an actor on screen (pixels, before HiDPI scaling): a whole network fitted
// into a small window keeps actors that can be seen and clicked.
constexpr double kLeastActorPixels = 7;
// The largest radius on screen (pixels, before HiDPI scaling) a fit gives an actor of the default
// size (influence 0): about twice its size on a fitted map of fifty actors.
constexpr double kMostDefaultActorPixels = 22;

}  // namespace

std::vector<double> displayRadii(const AppState& s) {
    std::vector<double> r = mapRadii(s);
    const double least = kLeastActorPixels * s.contentScale / std::max(0.01f, s.canvas.view.scale);
    for (double& x : r) x = std::max(x, least);
    return r;
}

bool sizesVary(const AppState& s) {
    const std::vector<double> r = mapRadii(s);
    const std::vector<bool> visible = visibleActors(s);
    double lo = 1e300, hi = -1e300;
    for (std::size_t i = 0; i < r.size(); ++i)
        if (visible[i]) {
            lo = std::min(lo, r[i]);
            hi = std::max(hi, r[i]);
        }
    return hi - lo > 0.5;
}

namespace {

// The largest scale at which every actor's disc with room for its name fits into `room` (screen
// pixels, less a margin), and the extents' centre at that scale.
struct Fit {
    float scale = 1;
    double midX = 0, midY = 0;  // centre of the extents, in world units times scale
};

Fit fitInto(const std::vector<Point>& pos, const std::vector<double>& radius, double leastRadius, const std::vector<float>& labelWidth,
            float labelHeight, float roomWidth, float roomHeight, double maxScale) {
    const auto extents = [&](double scale, double& x0, double& x1, double& y0, double& y1) {
        x0 = y0 = 1e300;
        x1 = y1 = -1e300;
        for (std::size_t i = 0; i < pos.size(); ++i) {
            // A name goes beside its actor, inwards at the room's edges (LabelRules::frame); room
            // for half of it (up to a tenth of the room) keeps the outermost from crowding.
            const double r = std::max(radius[i] * scale, leastRadius), ex = std::max(r, std::min(0.5 * labelWidth[i], roomWidth / 10.0));
            const double ey = r + (labelWidth[i] > 0 ? labelHeight + 3 : 0);
            x0 = std::min(x0, pos[i].x * scale - ex);
            x1 = std::max(x1, pos[i].x * scale + ex);
            y0 = std::min(y0, pos[i].y * scale - ey);
            y1 = std::max(y1, pos[i].y * scale + ey);
        }
    };
    const auto fits = [&](double scale) {
        double x0, x1, y0, y1;
        extents(scale, x0, x1, y0, y1);
        return x1 - x0 <= roomWidth && y1 - y0 <= roomHeight;
    };
    // The extents grow with the scale: bisect between the smallest and the largest zoom.
    double lo = 0.01, hi = std::max(lo, maxScale);
    if (fits(hi)) lo = hi;
    for (int k = 0; k < 40 && hi - lo > 1e-4; ++k) {
        const double mid = 0.5 * (lo + hi);
        (fits(mid) ? lo : hi) = mid;
    }
    Fit f;
    f.scale = static_cast<float>(lo);
    double x0, x1, y0, y1;
    extents(lo, x0, x1, y0, y1);
    f.midX = 0.5 * (x0 + x1);
    f.midY = 0.5 * (y0 + y1);
    return f;
}

}  // namespace

void fitView(AppState& s, float width, float height) {
    const Network& n = s.network();
    if (n.actors().empty()) {
        s.canvas.view = {0, 0, 1};
        return;
    }
    std::vector<Point> pos;
    for (std::size_t i = 0; i < n.actors().size(); ++i) pos.push_back(shownPosition(s, i));
    const std::vector<double> radius = mapRadii(s);
    const Bounds b = bounds(pos, radius);
    // Into the largest part of the window the panels, the legend and the status bar leave free.
    const Bounds room = freeRectangle(workArea(), s.canvas.panels, std::max(1.0, b.width()), std::max(1.0, b.height()));
    std::vector<float> labelWidth(pos.size(), 0.0f);
    if (s.options.labels)
        for (std::size_t i = 0; i < pos.size(); ++i) labelWidth[i] = ImGui::CalcTextSize(n.actors()[i].name.c_str()).x + 4;
    const float margin = 16 * s.contentScale;
    // A few actors (a new project's first) are not blown up to fill the room: an actor of the
    // default size is drawn at most as large as on a busy map, the few in the room's middle.
    const double maxScale = std::min(4.0, kMostDefaultActorPixels * s.contentScale / actorRadius(Actor{}));
    const Fit f = fitInto(pos, radius, kLeastActorPixels * s.contentScale, labelWidth, ImGui::GetTextLineHeight() + 2,
                          static_cast<float>(std::max(1.0, room.width() - 2 * margin)), static_cast<float>(std::max(1.0, room.height() - 2 * margin)),
                          maxScale);
    // The extents' centre at the room's centre: screen x = (x - originX) * scale + width / 2.
    s.canvas.room = room;
    s.canvas.fitted = true;
    s.canvas.fitPanels = s.canvas.layoutPanels;
    const auto cx = static_cast<float>((room.minX + room.maxX) / 2), cy = static_cast<float>((room.minY + room.maxY) / 2);
    s.canvas.view = {static_cast<float>(f.midX / f.scale - (cx - width / 2) / f.scale), static_cast<float>(f.midY / f.scale + (cy - height / 2) / f.scale),
                     f.scale};
    // The room on the map: names keep inside it wherever the view is panned to, so that a
    // pan (which reuses the placed labels) and a whole redraw place them alike.
    const Point topLeft = screenToWorld(s.canvas, static_cast<float>(room.minX), static_cast<float>(room.minY), width, height);
    const Point bottomRight = screenToWorld(s.canvas, static_cast<float>(room.maxX), static_cast<float>(room.maxY), width, height);
    s.canvas.roomOnMap = {topLeft.x, bottomRight.y, bottomRight.x, topLeft.y};
}

namespace {

Bounds freeRoomFor(const AppState& s, const std::vector<Point>& pos) {
    const Bounds b = bounds(pos, displayRadii(s));
    return freeRectangle(workArea(), s.canvas.panels, std::max(1.0, b.width()), std::max(1.0, b.height()));
}

std::vector<Point> shownPositions(const AppState& s) {
    std::vector<Point> pos;
    pos.reserve(s.network().actors().size());
    for (std::size_t i = 0; i < s.network().actors().size(); ++i) pos.push_back(shownPosition(s, i));
    return pos;
}

}  // namespace

Bounds freeMapRoom(const AppState& s) {
    if (s.network().actors().empty()) return workArea();
    return freeRoomFor(s, shownPositions(s));
}

std::vector<std::uint32_t> actorsOutsideView(const AppState& s, const Bounds& room, float width, float height) {
    std::vector<std::uint32_t> out;
    const std::vector<bool> visible = visibleActors(s);
    for (std::uint32_t i = 0; i < s.network().actors().size(); ++i) {
        if (!visible[i]) continue;
        float x, y;
        worldToScreen(s.canvas, shownPosition(s, i), width, height, x, y);
        if (!room.contains(x, y)) out.push_back(i);
    }
    return out;
}

void drawOutsideMarkers(const AppState& s, const std::vector<std::uint32_t>& outside, const Bounds& room, float width, float height,
                        ImDrawList& dl) {
    if (outside.empty() || room.width() <= 0 || room.height() <= 0) return;
    const float u = s.contentScale, inset = 14 * u, size = 11 * u;
    const double cx = 0.5 * (room.minX + room.maxX), cy = 0.5 * (room.minY + room.maxY);
    const double hw = 0.5 * room.width() - inset, hh = 0.5 * room.height() - inset;
    if (hw <= 0 || hh <= 0) return;
    // Each actor's direction from the room's middle, and where that ray leaves the room (inset).
    struct Marker {
        ImVec2 at;
        double dx, dy;
        int count;
    };
    std::vector<Marker> markers;
    for (const std::uint32_t i : outside) {
        float x, y;
        worldToScreen(s.canvas, shownPosition(s, i), width, height, x, y);
        double dx = x - cx, dy = y - cy;
        const double len = std::hypot(dx, dy);
        if (len <= 0) continue;
        dx /= len;
        dy /= len;
        const double t = std::min(dx != 0 ? hw / std::abs(dx) : 1e300, dy != 0 ? hh / std::abs(dy) : 1e300);
        const ImVec2 at(static_cast<float>(cx + dx * t), static_cast<float>(cy + dy * t));
        // Close to one already there: counted with it.
        const auto near = std::find_if(markers.begin(), markers.end(), [&](const Marker& m) {
            return std::hypot(m.at.x - at.x, m.at.y - at.y) < 2.2f * size;
        });
        if (near != markers.end()) ++near->count;
        else markers.push_back({at, dx, dy, 1});
    }
    const bool dark = s.options.dark;
    const ImU32 fillColor = dark ? IM_COL32(235, 235, 235, 235) : IM_COL32(45, 45, 55, 235);
    const ImU32 rim = dark ? IM_COL32(0, 0, 0, 255) : IM_COL32(255, 255, 255, 255);
    for (const Marker& m : markers) {
        // A triangle pointing outwards: its tip towards the actor.
        const auto px = static_cast<float>(-m.dy), py = static_cast<float>(m.dx), fx = static_cast<float>(m.dx), fy = static_cast<float>(m.dy);
        const ImVec2 tip(m.at.x + fx * size, m.at.y + fy * size);
        const ImVec2 a(m.at.x - fx * size * 0.6f + px * size * 0.8f, m.at.y - fy * size * 0.6f + py * size * 0.8f);
        const ImVec2 b(m.at.x - fx * size * 0.6f - px * size * 0.8f, m.at.y - fy * size * 0.6f - py * size * 0.8f);
        dl.AddTriangleFilled(tip, a, b, fillColor);
        dl.AddTriangle(tip, a, b, rim, 1.5f * u);
        if (m.count > 1) {
            const std::string number = std::to_string(m.count);
            const ImVec2 ts = ImGui::CalcTextSize(number.c_str());
            const ImVec2 c(m.at.x - fx * (size + ts.x * 0.5f + 3 * u), m.at.y - fy * (size + ts.y * 0.5f + 1 * u));
            const ImVec2 lo(c.x - ts.x / 2 - 2 * u, c.y - ts.y / 2), hi(c.x + ts.x / 2 + 2 * u, c.y + ts.y / 2);
            dl.AddRectFilled(lo, hi, rim, 3 * u);
            dl.AddText(ImVec2(lo.x + 2 * u, lo.y), fillColor, number.c_str());
        }
    }
}

bool actorsOutsideFreeArea(const AppState& s, float width, float height, const std::vector<Point>* at) {
    const Network& n = s.network();
    if (n.actors().empty()) return false;
    const std::vector<Point> pos = at && at->size() == n.actors().size() ? *at : shownPositions(s);
    const Bounds room = freeRoomFor(s, pos);
    for (const Point& p : pos) {
        float x, y;
        worldToScreen(s.canvas, p, width, height, x, y);
        if (!room.contains(x, y)) return true;
    }
    return false;
}

void placeUnplacedActors(AppState& s) {
    const Network& n = s.network();
    const bool any = std::any_of(n.actors().begin(), n.actors().end(), [](const Actor& a) { return !a.placed; });
    if (!any) return;
    try {
        layout::LayoutRequest r;
        r.incremental = std::any_of(n.actors().begin(), n.actors().end(), [](const Actor& a) { return a.placed; });
        // A project: one undoable step on disk. Anything else (an imported file, a project shown
        // read-only): the positions are part of what was opened, not an edit of the user's.
        commitOnOpening(s, layout::cmdLayout(n, session::computeLayout(n, r), kOpeningLayout));
    } catch (const std::exception& e) {
        s.status = e.what();
    }
    s.canvas.fitRequested = true;
}

namespace {

// [SECTION] Keys on the canvas (no text field active); `mouse`: where it is on the map.
void handleCanvasKeys(AppState& s, const Point& mouse) {
    const ImGuiIO& io = ImGui::GetIO();
    const Network& n = s.network();
    const bool ctrl = io.KeyCtrl;
    if (ctrl && letterPressed('z')) undo(s);
    if (ctrl && letterPressed('y')) redo(s);
    if (ctrl && letterPressed('f')) s.searchFocus = true;
    if (!ctrl && letterPressed('f')) s.canvas.fitRequested = true;
    if (!ctrl && letterPressed('n') && !s.newActor.open) {
        s.newActor = NewActorPopup{};
        s.newActor.open = true;
        s.newActor.focus = true;
        s.newActor.at = mouse;
    }
    if (!ctrl && letterPressed('l') && s.selectedActors.size() == 1) {
        s.canvas.tool = Tool::Link;
        s.canvas.linkFrom = *s.selectedActors.begin();
    }
    if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE) && !s.canvas.escapeTaken) {
        s.canvas.tool = Tool::Select;
        s.canvas.linkFrom.reset();
        if (s.options.presentation) s.options.presentation = false;
    }
    if (ImGui::IsKeyPressed(GLFW_KEY_DELETE)) {
        try {
            if (s.selectedLink) {
                commit(s, cmdRemoveLink(n, *s.selectedLink));
                s.selectedLink.reset();
            } else if (!s.selectedActors.empty()) {
                // Several actors: one edit, so one undo brings them all back.
                Network scratch = n;
                Edit all{"remove_actor", std::to_string(s.selectedActors.size()), {}};
                for (const std::string& id : s.selectedActors) {
                    Edit e = cmdRemoveActor(scratch, id);
                    applyEdit(scratch, e);
                    if (s.selectedActors.size() == 1) all.subject = e.subject;
                    for (Op& op : e.ops) all.ops.push_back(std::move(op));
                }
                commit(s, all);
                s.selectedActors.clear();
            }
        } catch (const std::exception& e) {
            s.status = e.what();
        }
    }
    if (ImGui::IsKeyPressed(GLFW_KEY_F5)) s.options.presentation = !s.options.presentation;
}

}  // namespace

void handleCanvasInput(AppState& s, float width, float height) {
    ImGuiIO& io = ImGui::GetIO();
    const Network& n = s.network();
    const std::vector<double> radius = displayRadii(s);
    const Point mouse = screenToWorld(s.canvas, io.MousePos.x, io.MousePos.y, width, height);
    if (!io.WantCaptureMouse) {
        if (io.MouseDelta.x != 0 || io.MouseDelta.y != 0 || ImGui::IsMouseClicked(ImGuiMouseButton_Left) || io.MouseWheel != 0) {
            s.canvas.hover = actorAt(s, mouse, radius);
            s.canvas.hoverLink = s.canvas.hover ? std::nullopt : linkAt(s, mouse);
        }
        // Zoom towards the cursor.
        if (io.MouseWheel != 0) {
            const float factor = std::pow(1.15f, io.MouseWheel);
            const float newScale = std::clamp(s.canvas.view.scale * factor, 0.01f, 8.0f);
            s.canvas.view.originX = static_cast<float>(mouse.x - (mouse.x - s.canvas.view.originX) * s.canvas.view.scale / newScale);
            s.canvas.view.originY = static_cast<float>(mouse.y - (mouse.y - s.canvas.view.originY) * s.canvas.view.scale / newScale);
            s.canvas.view.scale = newScale;
            s.canvas.fitted = false;
        }
        // Pan with the right or middle button.
        if (ImGui::IsMouseDragging(ImGuiMouseButton_Right) || ImGui::IsMouseDragging(ImGuiMouseButton_Middle)) {
            s.canvas.view.originX -= io.MouseDelta.x / s.canvas.view.scale;
            s.canvas.view.originY += io.MouseDelta.y / s.canvas.view.scale;
            s.canvas.fitted = false;
        }
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
            if (s.canvas.tool == Tool::Link && s.canvas.linkFrom) {
                // L: the next actor clicked becomes the link's target.
                if (s.canvas.hover && n.actors()[*s.canvas.hover].id != *s.canvas.linkFrom) {
                    Link l;
                    l.source = *s.canvas.linkFrom;
                    l.target = n.actors()[*s.canvas.hover].id;
                    l.type = "kooperation";
                    l.strength = 2;
                    try {
                        const Edit e = cmdAddLink(n, l);
                        if (commit(s, e)) s.selectedLink = std::get<InsertLink>(e.ops[0]).link.id;
                    } catch (const std::exception& ex) {
                        s.status = ex.what();
                    }
                }
                s.canvas.tool = Tool::Select;
                s.canvas.linkFrom.reset();
            } else if (s.canvas.hover) {
                const std::string& id = n.actors()[*s.canvas.hover].id;
                if (io.KeyShift) {
                    if (!s.selectedActors.erase(id)) s.selectedActors.insert(id);
                } else if (!s.selectedActors.count(id)) {
                    s.selectedActors = {id};
                }
                s.selectedLink.reset();
                s.canvas.dragging = true;
                s.canvas.dragStartWorld = mouse;
            } else if (s.canvas.hoverLink) {
                s.selectedLink = s.canvas.hoverLink;
                s.selectedActors.clear();
            } else {
                if (!io.KeyShift) s.selectedActors.clear();
                s.selectedLink.reset();
                s.canvas.boxSelecting = true;
                s.canvas.boxStart[0] = io.MousePos.x;
                s.canvas.boxStart[1] = io.MousePos.y;
            }
        }
    }
    // Dragging moves the selection on screen; the move is one edit when the button is released.
    if (s.canvas.dragging && !ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        s.canvas.dragging = false;
        const double dx = mouse.x - s.canvas.dragStartWorld.x, dy = mouse.y - s.canvas.dragStartWorld.y;
        if (std::hypot(dx, dy) * s.canvas.view.scale > 2) {
            std::vector<Placement> moves;
            for (const std::string& id : s.selectedActors) {
                const Actor* a = n.findActor(id);
                if (a && !a->pinned) moves.push_back({id, a->x + dx, a->y + dy});
            }
            try {
                commit(s, cmdMove(n, moves));
            } catch (const std::exception& e) {
                s.status = e.what();
            }
        }
    }
    if (s.canvas.boxSelecting && !ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
        s.canvas.boxSelecting = false;
        const Point a = screenToWorld(s.canvas, s.canvas.boxStart[0], s.canvas.boxStart[1], width, height);
        const double x0 = std::min(a.x, mouse.x), x1 = std::max(a.x, mouse.x), y0 = std::min(a.y, mouse.y), y1 = std::max(a.y, mouse.y);
        for (const Actor& actor : n.actors())
            if (actor.x >= x0 && actor.x <= x1 && actor.y >= y0 && actor.y <= y1) s.selectedActors.insert(actor.id);
    }
    if (!io.WantTextInput) handleCanvasKeys(s, mouse);
}

namespace {

// The analysis' top suggested links (at most three, between actors shown), dashed in magenta as
// on paper, apart from every link type; never in presentation or compare mode.
void addSuggestions(const AppState& s, const std::vector<Point>& pos, const std::vector<double>& radius, const std::vector<bool>& visible,
                    std::vector<render::LinkInstance>& links) {
    if (s.compare.active || s.options.presentation || !s.options.showSuggestions || !s.results || s.results->version != s.version) return;
    std::size_t drawn = 0;
    for (const analysis::SuggestedLink& sl : s.results->gaps.suggestedLinks) {
        if (drawn == kSuggestionsOnMap) break;
        if (sl.a >= pos.size() || sl.b >= pos.size() || !visible[sl.a] || !visible[sl.b]) continue;
        render::LinkInstance inst;
        inst.x0 = static_cast<float>(pos[sl.a].x);
        inst.y0 = static_cast<float>(pos[sl.a].y);
        inst.x1 = static_cast<float>(pos[sl.b].x);
        inst.y1 = static_cast<float>(pos[sl.b].y);
        inst.r0 = static_cast<float>(radius[sl.a]);
        inst.r1 = static_cast<float>(radius[sl.b]);
        inst.rgba = rgba(encoding::kSuggested, 230);
        inst.width = 2.5f * s.contentScale;
        inst.dash = 1;
        links.push_back(inst);
        ++drawn;
    }
}

// Selected a single point of failure: the actors that would be cut off without it get a dashed
// red ring ("Was passiert, wenn … wegfällt?" on the map).
void markCutOff(const AppState& s, std::vector<render::NodeInstance>& nodes) {
    if (s.compare.active || s.selectedActors.size() != 1 || !s.results || s.results->version != s.version) return;
    const auto centre = s.network().actorIndex(*s.selectedActors.begin());
    if (!centre) return;
    for (const analysis::CutPoint& c : s.results->gaps.singlePointsOfFailure) {
        if (c.actor != *centre) continue;
        nodes[*centre].ring = rgba(encoding::kAlarm);
        for (const std::uint32_t i : c.cutOff)
            if (i < nodes.size()) {
                nodes[i].ring = rgba(encoding::kAlarm);
                nodes[i].ringDashed = 1;
            }
    }
}

}  // namespace

void buildInstances(const AppState& s, std::vector<render::NodeInstance>& nodes, std::vector<render::LinkInstance>& links) {
    const Network& n = s.network();
    const Taxonomy& t = n.taxonomy;
    const std::vector<double> radius = displayRadii(s);
    const std::vector<bool> visible = visibleActors(s);
    const std::vector<double>* colorMetric = metricColumn(s, s.options.colorBy);
    const encoding::Scale scale = colorScale(colorMetric, visible);
    // While dragging, the selection follows the mouse without touching the model.
    const ImGuiIO& io = ImGui::GetIO();
    double dragX = 0, dragY = 0;
    if (s.canvas.dragging) {
        const Point m = screenToWorld(s.canvas, io.MousePos.x, io.MousePos.y, io.DisplaySize.x, io.DisplaySize.y);
        dragX = m.x - s.canvas.dragStartWorld.x;
        dragY = m.y - s.canvas.dragStartWorld.y;
    }
    std::vector<Point> pos(n.actors().size());
    nodes.clear();
    nodes.reserve(n.actors().size());
    for (std::size_t i = 0; i < n.actors().size(); ++i) {
        const Actor& a = n.actors()[i];
        const bool selected = s.selectedActors.count(a.id) > 0;
        const Point shown = shownPosition(s, i);
        pos[i] = {shown.x + (selected && !a.pinned ? dragX : 0), shown.y + (selected && !a.pinned ? dragY : 0)};
        render::NodeInstance inst;
        inst.x = static_cast<float>(pos[i].x);
        inst.y = static_cast<float>(pos[i].y);
        inst.radius = static_cast<float>(radius[i]);
        inst.rgba = rgba(actorColor(t, a, colorMetric, scale, i));
        inst.shape = a.level == "land" || a.level == "bund" ? 1.0f : (a.contactPoint ? 2.0f : 0.0f);
        inst.highlight = selected ? 2.0f : 0.0f;
        if (!visible[i]) inst.highlight = 3.0f;
        if (s.compare.active) {
            // New: a green ring; gone: pale with a dashed red ring; changed: an orange ring.
            // Fading in and out between states: the actor's whole colour and ring.
            const CompareLook look = compareActorLook(s, i);
            inst.highlight = selected ? 2.0f : 0.0f;
            const auto alpha = static_cast<std::uint8_t>(std::lround(255 * look.alpha));
            if (look.mark == analysis::Change::Added) inst.ring = rgba(encoding::kAdded, alpha);
            if (look.mark == analysis::Change::Changed) inst.ring = rgba(encoding::kChanged, alpha);
            if (look.mark == analysis::Change::Removed) {
                inst.ring = rgba(encoding::kRemoved, alpha);
                inst.ringDashed = 1;
            }
            const std::uint8_t fill = look.mark == analysis::Change::Removed ? static_cast<std::uint8_t>(alpha * 0.35) : alpha;
            inst.rgba = (inst.rgba & 0x00FFFFFFu) | (std::uint32_t{fill} << 24);
            if (look.alpha <= 0) inst.radius = 0;
        }
        nodes.push_back(inst);
    }
    markCutOff(s, nodes);
    links.clear();
    links.reserve(n.links().size());
    const SceneCache& scene = sceneFor(s);
    // Links that join the same pair are bent apart: 0 for a single link, else symmetric
    // offsets, signed by the pair's canonical direction so that A->B and B->A separate too.
    std::vector<float> bend(n.links().size(), 0.0f);
    {
        std::unordered_map<std::uint64_t, std::vector<std::size_t>> pairs;
        for (std::size_t k = 0; k < n.links().size(); ++k) {
            const auto [a, b] = scene.linkEnds[k];
            pairs[(std::uint64_t{std::min(a, b)} << 32) | std::max(a, b)].push_back(k);
        }
        for (const auto& [pair, members] : pairs) {
            if (members.size() < 2) continue;
            for (std::size_t j = 0; j < members.size(); ++j) {
                const float offset = (static_cast<float>(j) - 0.5f * static_cast<float>(members.size() - 1)) * 0.22f;
                const auto [a, b] = scene.linkEnds[members[j]];
                bend[members[j]] = a <= b ? offset : -offset;
            }
        }
    }
    for (std::size_t k = 0; k < n.links().size(); ++k) {
        const Link& l = n.links()[k];
        const auto [a, b] = scene.linkEnds[k];
        render::LinkInstance inst;
        inst.x0 = static_cast<float>(pos[a].x);
        inst.y0 = static_cast<float>(pos[a].y);
        inst.x1 = static_cast<float>(pos[b].x);
        inst.y1 = static_cast<float>(pos[b].y);
        inst.r0 = static_cast<float>(radius[a]);
        inst.r1 = static_cast<float>(radius[b]);
        const Category* type = t.byKey(CategoryKind::LinkType, l.type);
        const bool chosen = s.selectedLink && *s.selectedLink == l.id;
        const bool contrast = s.options.highContrast || s.options.presentation;
        inst.rgba = chosen ? rgba(encoding::kSelected) : rgba(type ? type->color : encoding::kUntypedLink, contrast ? 255 : 220);
        inst.width = (static_cast<float>((1.0 + 1.2 * std::min(l.strength, 4.0)) * (contrast ? 1.6 : 1.0)) + (chosen ? 2.0f : 0.0f)) * s.contentScale;
        inst.dash = l.status == "geplant" ? 1.0f : (l.status == "gewuenscht" ? 2.0f : 0.0f);
        inst.directed = l.directed ? 1.0f : 0.0f;
        const bool linkShown = !s.options.hiddenLinkTypes.count(l.type) && !s.options.hiddenStatuses.count(l.status);
        inst.dim = visible[a] && visible[b] && linkShown ? 0.0f : 1.0f;
        inst.bend = bend[k];
        if (s.compare.active) {
            // Unchanged links grey, so that green, red and orange mean new, gone and changed.
            const CompareLook look = compareLinkLook(s, k);
            if (look.alpha <= 0) continue;
            const auto alpha = static_cast<std::uint8_t>(std::lround(255 * look.alpha));
            const bool marked = look.mark != analysis::Change::Same;
            inst.rgba = chosen                                   ? rgba(encoding::kSelected)
                        : look.mark == analysis::Change::Added   ? rgba(encoding::kAdded, alpha)
                        : look.mark == analysis::Change::Removed ? rgba(encoding::kRemoved, alpha)
                        : look.mark == analysis::Change::Changed ? rgba(encoding::kChanged, alpha)
                                                                 : rgba(encoding::kUnchanged, static_cast<std::uint8_t>(alpha * 0.6));
            if (marked) inst.width = std::max(inst.width, 3.0f * s.contentScale);
            inst.dash = look.mark == analysis::Change::Removed ? 1.0f : inst.dash;
        }
        links.push_back(inst);
    }
    addSuggestions(s, pos, radius, visible, links);
}

std::optional<render::NodeInstance> hoverInstance(const AppState& s) {
    const Network& n = s.network();
    if (!s.canvas.hover || *s.canvas.hover >= n.actors().size() || s.canvas.dragging) return std::nullopt;
    const std::uint32_t i = *s.canvas.hover;
    const Actor& a = n.actors()[i];
    if (s.selectedActors.count(a.id)) return std::nullopt;  // the selection ring says enough
    const std::vector<double>* colorMetric = metricColumn(s, s.options.colorBy);
    render::NodeInstance inst;
    const Point shown = shownPosition(s, i);
    inst.x = static_cast<float>(shown.x);
    inst.y = static_cast<float>(shown.y);
    inst.radius = static_cast<float>(displayRadii(s)[i]);
    inst.rgba = rgba(actorColor(n.taxonomy, a, colorMetric, colorScale(colorMetric, visibleActors(s)), i));
    inst.shape = a.level == "land" || a.level == "bund" ? 1.0f : (a.contactPoint ? 2.0f : 0.0f);
    inst.highlight = 1.0f;
    return inst;
}

namespace {

// The actors always named: the most central on screen by number of links (the hub first), a
// few more in bigger networks; on the projector also the most influential (influence 4 and 5,
// the largest discs: "Wo ist das BAMF?"), and the actor under the mouse, whatever the mode.
// 2: unconditionally, 1: over actors but not over names, 3: first of the others, by the short name.
std::vector<char> alwaysNamed(const AppState& s, const std::vector<std::uint32_t>& onScreen) {
    const SceneCache& scene = sceneFor(s);
    const Network& n = s.network();
    std::vector<std::uint32_t> byDegree = onScreen;
    const std::size_t count = std::clamp<std::size_t>(onScreen.size() / 12, 3, 8);
    std::stable_sort(byDegree.begin(), byDegree.end(), [&](std::uint32_t a, std::uint32_t b) { return scene.degree[a] > scene.degree[b]; });
    std::vector<char> always(n.actors().size(), 0);
    // The hub unconditionally, the others over actors but not over names.
    for (std::size_t k = 0; k < byDegree.size() && k < count; ++k)
        if (scene.degree[byDegree[k]] > 0) always[byDegree[k]] = k == 0 ? 2 : 1;
    if (s.options.presentation)
        for (const std::uint32_t i : onScreen)
            if (n.actors()[i].influence >= 4 && !always[i]) always[i] = 3;  // named, by their short name where given
    if (s.canvas.hover && *s.canvas.hover < always.size()) always[*s.canvas.hover] = 2;
    return always;
}

}  // namespace

void drawLabels(const AppState& s, const render::CanvasView& view, float width, float height, ImDrawList& dl, const ImVec4& frame,
                LabelPass* out) {
    if (!s.options.labels) return;
    const Network& n = s.network();
    if (n.actors().empty()) return;
    const std::vector<double> radius = displayRadii(s);
    const std::vector<bool> visible = visibleActors(s);
    // Candidates: visible actors on screen, the largest first; at most 600 per frame.
    std::vector<std::uint32_t> order;
    for (std::uint32_t i = 0; i < n.actors().size(); ++i) {
        if (!visible[i]) continue;
        float sx, sy;
        worldToScreen(view, shownPosition(s, i), width, height, sx, sy);
        if (sx < -200 || sy < -50 || sx > width + 200 || sy > height + 50) continue;
        order.push_back(i);
    }
    const std::vector<char> important = alwaysNamed(s, order);
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        return important[a] != important[b] ? important[a] > important[b] : radius[a] > radius[b];
    });
    if (order.size() > 600) order.resize(600);
    std::vector<Point> screen;
    std::vector<double> screenRadius, priority;
    std::vector<layout::LabelSize> size;
    std::vector<const char*> text;
    layout::LabelRules rules;
    rules.gap = 2;
    rules.frame = std::array<double, 4>{frame.x, frame.y, frame.z, frame.w};
    // Names keep off the links shown (a name on a link, or right beside another actor, reads
    // as another's): the links as straight segments on screen.
    const SceneCache& scene = sceneFor(s);
    std::vector<Point> onScreen(n.actors().size());
    for (std::uint32_t i = 0; i < n.actors().size(); ++i) {
        float sx, sy;
        worldToScreen(view, shownPosition(s, i), width, height, sx, sy);
        onScreen[i] = {sx, sy};
    }
    for (std::size_t k = 0; k < n.links().size(); ++k) {
        const auto [a, b] = scene.linkEnds[k];
        const Link& l = n.links()[k];
        if (!visible[a] || !visible[b] || s.options.hiddenLinkTypes.count(l.type) || s.options.hiddenStatuses.count(l.status)) continue;
        const Point pa = onScreen[a], pb = onScreen[b];
        rules.links.push_back({pa.x, pa.y, pb.x, pb.y});
    }
    rules.neighbourMargin = 0.5 * ImGui::GetTextLineHeight();
    std::vector<std::uint32_t> labelled;
    for (const std::uint32_t i : order) {
        const Actor& a = n.actors()[i];
        const bool selected = s.selectedActors.count(a.id) > 0;
        float sx, sy;
        worldToScreen(view, shownPosition(s, i), width, height, sx, sy);
        if (selected && s.canvas.dragging) continue;
        const double r = radius[i] * view.scale;
        // Short names where the disc is small, and on the projector (its large type), except for
        // the actors always named and the one pointed at.
        const bool brief = (r < 9 || s.options.presentation) && !a.shortName.empty() && (!important[i] || important[i] == 3) && !selected;
        const char* label = brief ? a.shortName.c_str() : a.name.c_str();
        const ImVec2 ts = ImGui::CalcTextSize(label);
        screen.push_back({sx, sy});
        screenRadius.push_back(r);
        size.push_back({ts.x + 4, ts.y + 2});
        // The selected actor first, then the most central, then by size on the map.
        // The most influential after the most central (named a step away with a line to their
        // disc where nothing is free beside it, over other actors only as the last resort).
        priority.push_back(r + (selected ? 1e6 : 0) + 1e5 * (important[i] == 3 ? 1 : important[i]));
        rules.always.push_back(selected ? 2 : important[i] == 3 ? 1 : important[i]);
        text.push_back(label);
        labelled.push_back(i);
    }
    const std::vector<layout::PlacedLabel> placed = layout::placeLabels(screen, screenRadius, size, priority, rules);
    ImFont* font = ImGui::GetFont();
    const float fontSize = ImGui::GetFontSize();  // the large font in presentation mode
    const bool contrast = s.options.highContrast || s.options.presentation;
    const ImU32 color = s.options.dark ? IM_COL32(contrast ? 255 : 235, contrast ? 255 : 235, contrast ? 255 : 235, 255)
                                       : IM_COL32(contrast ? 0 : 25, contrast ? 0 : 25, contrast ? 0 : 25, 255);
    const ImU32 halo = s.options.dark ? IM_COL32(0, 0, 0, contrast ? 255 : 200) : IM_COL32(255, 255, 255, contrast ? 255 : 210);
    for (std::size_t k = 0; k < placed.size(); ++k) {
        if (!placed[k].visible) continue;
        // Whole pixels: glyphs are sampled without filtering.
        const ImVec2 tl(std::floor(static_cast<float>(placed[k].centre.x - size[k].width / 2 + 2)),
                        std::floor(static_cast<float>(placed[k].centre.y - size[k].height / 2 + 1)));
        const ImVec2 lo(tl.x - 2, tl.y - 1), hi(tl.x + static_cast<float>(size[k].width) - 2, tl.y + static_cast<float>(size[k].height) - 1);
        if (placed[k].leader) {
            // A thin line from the actor's edge to the nearest point of its name's box.
            const Point c = screen[k];
            const float nx = std::clamp(static_cast<float>(c.x), lo.x, hi.x), ny = std::clamp(static_cast<float>(c.y), lo.y, hi.y);
            const float dx = nx - static_cast<float>(c.x), dy = ny - static_cast<float>(c.y), d = std::sqrt(dx * dx + dy * dy);
            if (d > 1) {
                const float e = static_cast<float>(screenRadius[k]) / d;
                dl.AddLine(ImVec2(static_cast<float>(c.x) + dx * e, static_cast<float>(c.y) + dy * e), ImVec2(nx, ny), color, 1.5f);
            }
        }
        dl.AddRectFilled(lo, hi, halo, 3);
        if (out) {
            out->rects.push_back(ImVec4(lo.x - 1, lo.y - 1, hi.x + 1, hi.y + 1));
            const auto toMap = [&](float x, float y) { return Point{view.originX + (x - width / 2) / view.scale, view.originY - (y - height / 2) / view.scale}; };
            const Point a = toMap(lo.x, hi.y), b = toMap(hi.x, lo.y);
            out->onMap.push_back({a.x, a.y, b.x, b.y});
            out->actors.push_back(labelled[k]);
        }
        dl.AddText(font, fontSize, tl, color, text[k]);
    }
}

std::vector<bool> visibleActors(const AppState& s) {
    const Network& n = s.network();
    const SceneCache& scene = sceneFor(s);
    std::vector<bool> visible(n.actors().size(), true);
    const auto& degree = scene.degree;
    for (std::size_t i = 0; i < visible.size(); ++i) {
        if (s.options.hiddenSectors.count(n.actors()[i].sector)) visible[i] = false;
        const auto& fields = n.actors()[i].fields;
        if (!s.options.hiddenFields.empty() && !fields.empty() &&
            std::all_of(fields.begin(), fields.end(), [&](const std::string& f) { return s.options.hiddenFields.count(f) > 0; }))
            visible[i] = false;
        if (s.options.hideIsolates && degree[i] == 0) visible[i] = false;
    }
    // Compare mode: actors in neither the state compared with nor the one shown.
    if (s.compare.active)
        for (std::size_t i = 0; i < visible.size(); ++i) visible[i] = visible[i] && compareActorLook(s, i).alpha > 0.5f;
    if (s.options.egoSteps > 0 && s.selectedActors.size() == 1) {
        const auto centre = n.actorIndex(*s.selectedActors.begin());
        if (centre) {
            const std::vector<int> dist = encoding::egoDistances(visible.size(), scene.linkEnds, static_cast<std::uint32_t>(*centre), s.options.egoSteps);
            for (std::size_t i = 0; i < visible.size(); ++i) visible[i] = visible[i] && dist[i] >= 0;
        }
    }
    return visible;
}

}  // namespace knp::ui
