#include "ui/keys.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>

#include <set>
#include <tuple>
#include <vector>

namespace knp::ui {

namespace {

void onKey(GLFWwindow* window, int key, int scancode, int action, int mods) {
    auto* queue = static_cast<KeyQueue*>(glfwGetWindowUserPointer(window));
    if (queue) queue->activity = true;
    if (queue && action == GLFW_PRESS) queue->pressedThisFrame.insert(key);
    // Any release in a frame that saw a press waits a frame: the pressed key is then seen, and so
    // are modifiers released right after it (Ctrl+Z typed quickly).
    if (queue && action == GLFW_RELEASE && !queue->pressedThisFrame.empty()) {
        queue->deferredReleases.emplace_back(key, scancode, mods);
        return;
    }
    ImGui_ImplGlfw_KeyCallback(window, key, scancode, action, mods);
}

int keyFor(char letter) {
    for (int key = GLFW_KEY_A; key <= GLFW_KEY_Z; ++key) {
        const char* name = glfwGetKeyName(key, 0);
        if (name && name[0] == letter && name[1] == '\0') return key;
    }
    // No layout information (e.g. no X keymap): fall back to the US position.
    return (letter >= 'a' && letter <= 'z') ? GLFW_KEY_A + (letter - 'a') : -1;
}

}  // namespace

void installKeyQueue(GLFWwindow* window, KeyQueue& queue) {
    glfwSetWindowUserPointer(window, &queue);
    glfwSetKeyCallback(window, onKey);
}

void flushKeyQueue(GLFWwindow* window, KeyQueue& queue) {
    queue.pressedThisFrame.clear();
    const auto releases = std::move(queue.deferredReleases);
    queue.deferredReleases.clear();
    for (const auto& [key, scancode, mods] : releases) ImGui_ImplGlfw_KeyCallback(window, key, scancode, GLFW_RELEASE, mods);
}

bool letterPressed(char letter) {
    const int key = keyFor(letter);
    return key >= 0 && ImGui::IsKeyPressed(key, false);
}

}  // namespace knp::ui
