#pragma once
// Keyboard input for the view.
// - Shortcuts by the letter printed on the key: GLFW reports US key positions, so Ctrl+Z on a
//   German keyboard arrives as GLFW_KEY_Y. letterPressed() asks GLFW which physical key carries
//   the letter in the current layout (glfwGetKeyName) and checks that key.
// - Dear ImGui 1.86 samples key state once a frame, so a key pressed and released between two
//   frames (fast typing, automation) would be lost. The key queue defers such a release by one
//   frame, so every press is seen.
#include <set>
#include <tuple>
#include <vector>

struct GLFWwindow;

namespace knp::ui {

struct KeyQueue {
    std::set<int> pressedThisFrame;                           // GLFW keys pressed since the last frame
    std::vector<std::tuple<int, int, int>> deferredReleases;  // key, scancode, mods
    bool activity = false;                                    // any key event since the last frame
};

// Installs the queue's key callback (after ImGui_ImplGlfw_InitForOpenGL); the window's user
// pointer must stay free for it.
void installKeyQueue(GLFWwindow* window, KeyQueue& queue);
// Call after ImGui::NewFrame(): releases deferred from the previous frame reach ImGui now.
void flushKeyQueue(GLFWwindow* window, KeyQueue& queue);

bool letterPressed(char letter);  // lower-case a-z; false when no key carries it

}  // namespace knp::ui
