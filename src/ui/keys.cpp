#include "ui/keys.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

namespace knp::ui {

namespace {
int keyFor(char letter) {
    for (int key = GLFW_KEY_A; key <= GLFW_KEY_Z; ++key) {
        const char* name = glfwGetKeyName(key, 0);
        if (name && name[0] == letter && name[1] == '\0') return key;
    }
    // No layout information (e.g. no X keymap): fall back to the US position.
    return (letter >= 'a' && letter <= 'z') ? GLFW_KEY_A + (letter - 'a') : -1;
}
}  // namespace

bool letterPressed(char letter) {
    const int key = keyFor(letter);
    return key >= 0 && ImGui::IsKeyPressed(key, false);
}

bool letterDown(char letter) {
    const int key = keyFor(letter);
    return key >= 0 && ImGui::IsKeyDown(key);
}

}  // namespace knp::ui
