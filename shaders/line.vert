#version 330 core
// Thin links for large networks: plain 1-pixel lines, one colour per link.
layout(location = 0) in vec2 aWorld;
layout(location = 1) in vec4 aColor;
uniform vec2 uViewport;
uniform vec2 uOrigin;
uniform float uScale;
flat out vec4 vColor;
void main() {
    vColor = aColor;
    gl_Position = vec4((aWorld - uOrigin) * uScale / (0.5 * uViewport), 0.0, 1.0);
}
