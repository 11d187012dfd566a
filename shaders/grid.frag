#version 330 core
// Canvas background: a quiet grid in world units that follows pan and zoom, anti-aliased.
in vec2 vScreen;
out vec4 fragColor;
uniform vec2 uViewport;     // pixels
uniform vec2 uOrigin;       // world position at the viewport centre
uniform float uScale;       // pixels per world unit
uniform float uSpacing;     // world units between grid lines
uniform vec4 uBackground;
uniform vec4 uLine;
void main() {
    vec2 pixel = vScreen * uViewport;
    vec2 world = (pixel - 0.5 * uViewport) / uScale + uOrigin;
    vec2 cell = world / uSpacing;
    vec2 dist = abs(fract(cell - 0.5) - 0.5) * uSpacing * uScale;  // pixels to the nearest line
    float line = 1.0 - clamp(min(dist.x, dist.y) - 0.5, 0.0, 1.0);
    fragColor = mix(uBackground, uLine, line * uLine.a);
    fragColor.a = 1.0;
}
