#pragma once
// Shortcuts by the letter printed on the key: GLFW reports US key positions, so Ctrl+Z on a
// German keyboard arrives as GLFW_KEY_Y. letterPressed() asks GLFW which physical key carries
// the letter in the current layout (glfwGetKeyName) and checks that key.
namespace knp::ui {

bool letterPressed(char letter);  // lower-case a-z; false when no key carries it
bool letterDown(char letter);

}  // namespace knp::ui
