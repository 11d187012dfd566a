#version 330 core
// One instance per link: a strip along a quadratic curve from the rim of one circle to the rim
// of the other, its width in pixels (screen space). Straight when aBend is 0; links that join
// the same pair are bent apart. Arrowheads are drawn by the same shader with uArrow set: a
// triangle at the target's rim, along the curve's end tangent.
layout(location = 0) in vec4 aEnds;     // x0, y0, x1, y1 (world)
layout(location = 1) in vec2 aRadii;    // source and target radius (world)
layout(location = 2) in vec4 aColor;
layout(location = 3) in vec4 aStyle;    // x: width px, y: dash (0 solid, 1 dashed, 2 dotted), z: directed, w: highlight/dim
layout(location = 4) in float aBend;    // control point offset from the middle, fraction of the length
uniform vec2 uViewport;
uniform vec2 uOrigin;
uniform float uScale;
uniform int uArrow;
const int kSegments = 12;  // kLinkSegments in map_renderer.hpp
out vec2 vAlong;       // x: pixels from the start, y: -1..1 across
flat out vec4 vColor;
flat out vec4 vStyle;
flat out float vWidth;
vec2 toPixel(vec2 world) { return (world - uOrigin) * uScale; }
void main() {
    vec2 a = toPixel(aEnds.xy), b = toPixel(aEnds.zw);
    vec2 chord = b - a;
    float len = max(length(chord), 1e-3);
    vec2 dir = chord / len;
    vec2 normal = vec2(-dir.y, dir.x);
    vec2 control = 0.5 * (a + b) + normal * aBend * len;
    float r0 = aRadii.x * uScale, r1 = aRadii.y * uScale;
    float width = aStyle.x;
    float arrowLen = aStyle.z > 0.5 ? max(7.0, width * 3.5) : 0.0;
    vec2 dirStart = normalize(control - a + dir * 1e-3), dirEnd = normalize(b - control + dir * 1e-3);
    vec2 start = a + dirStart * r0;
    vec2 tip = b - dirEnd * r1;
    vec2 end = tip - dirEnd * arrowLen * 0.8;
    vec2 pixel;
    if (uArrow == 1) {
        if (aStyle.z < 0.5 || len < r0 + r1 + 2.0) { gl_Position = vec4(2.0, 2.0, 0.0, 1.0); return; }  // no arrow: off screen
        vec2 base = tip - dirEnd * arrowLen;
        vec2 across = vec2(-dirEnd.y, dirEnd.x);
        float halfWidth = max(4.0, width * 1.8);
        pixel = gl_VertexID == 0 ? base + across * halfWidth : (gl_VertexID == 1 ? base - across * halfWidth : tip);
        vAlong = vec2(0.0, 0.0);
        vWidth = 0.0;
    } else {
        float t = float(gl_VertexID / 2) / float(kSegments);
        float side = (gl_VertexID & 1) == 0 ? -1.0 : 1.0;
        // Quadratic curve from start to end; its control point pulled so that the curve keeps
        // the bend of the one between the centres.
        vec2 c = control;
        vec2 p = mix(mix(start, c, t), mix(c, end, t), t);
        vec2 tangent = normalize(mix(c - start, end - c, t) + dir * 1e-4);
        vec2 across = vec2(-tangent.y, tangent.x);
        float extent = width * 0.5 + 1.0;
        pixel = p + across * side * extent;
        float arc = 0.5 * (length(c - start) + length(end - c) + length(end - start));
        vAlong = vec2(t * arc, side * extent / max(width * 0.5, 0.5));
        vWidth = width;
    }
    vColor = aColor;
    vStyle = aStyle;
    gl_Position = vec4(pixel / (0.5 * uViewport), 0.0, 1.0);
}
