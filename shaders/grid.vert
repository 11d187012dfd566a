#version 330 core
// Canvas grid: line segments in world units (computed for the visible area each frame).
layout(location = 0) in vec2 aWorld;
uniform vec2 uViewport;  // pixels
uniform vec2 uOrigin;    // world position at the viewport centre
uniform float uScale;    // pixels per world unit
void main() {
    vec2 pixel = (aWorld - uOrigin) * uScale;
    gl_Position = vec4(pixel / (0.5 * uViewport), 0.0, 1.0);
}
