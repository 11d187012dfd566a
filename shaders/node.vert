#version 330 core
// One instance per actor: a screen-aligned quad around the circle, in world units.
layout(location = 0) in vec2 aCentre;   // world position
layout(location = 1) in float aRadius;  // world units
layout(location = 2) in vec4 aColor;
layout(location = 3) in vec2 aStyle;    // x: shape (0 circle, 1 double circle, 2 rounded square), y: highlight (0 none, 1 hover, 2 selected, 3 dimmed)
layout(location = 4) in vec4 aRing;     // marking ring (compare mode); alpha 0: none
layout(location = 5) in float aRingDashed;
uniform vec2 uViewport;   // pixels
uniform vec2 uOrigin;     // world position at the viewport centre
uniform float uScale;     // pixels per world unit
out vec2 vLocal;          // -1..1 across the quad
out float vRadiusPx;
flat out vec4 vColor;
flat out vec2 vStyle;
flat out vec4 vRing;
flat out float vRingDashed;
void main() {
    vec2 corner = vec2((gl_VertexID & 1) == 0 ? -1.0 : 1.0, (gl_VertexID & 2) == 0 ? -1.0 : 1.0);
    // Room for anti-aliasing, and for the hover or selection ring where there is one (see
    // node.frag): a software renderer shades every pixel of the quad, so no more than needed.
    float ringPx = aStyle.y > 1.5 && aStyle.y < 2.5 ? 9.0 : (aStyle.y > 0.5 && aStyle.y < 1.5 ? 6.0 : 1.5);
    if (aRing.a > 0.0) ringPx = max(ringPx, 8.0);
    float pad = 1.0 + ringPx / max(aRadius * uScale, 1.0);
    vLocal = corner * pad;
    vRadiusPx = aRadius * uScale;
    vColor = aColor;
    vStyle = aStyle;
    vRing = aRing;
    vRingDashed = aRingDashed;
    vec2 world = aCentre + corner * pad * aRadius;
    vec2 pixel = (world - uOrigin) * uScale;
    gl_Position = vec4(pixel / (0.5 * uViewport) * vec2(1.0, 1.0), 0.0, 1.0);
}
