#version 330 core
// One instance per link: a quad along the segment, its width in pixels (screen space), from
// the rim of one circle to the rim of the other. Arrowheads are drawn by the same shader with
// uArrow set: a triangle at the target's rim.
layout(location = 0) in vec4 aEnds;     // x0, y0, x1, y1 (world)
layout(location = 1) in vec2 aRadii;    // source and target radius (world)
layout(location = 2) in vec4 aColor;
layout(location = 3) in vec4 aStyle;    // x: width px, y: dash (0 solid, 1 dashed, 2 dotted), z: directed, w: highlight/dim
uniform vec2 uViewport;
uniform vec2 uOrigin;
uniform float uScale;
uniform int uArrow;
out vec2 vAlong;       // x: pixels from the start, y: -1..1 across
flat out vec4 vColor;
flat out vec4 vStyle;
flat out float vWidth;
vec2 toPixel(vec2 world) { return (world - uOrigin) * uScale; }
void main() {
    vec2 a = toPixel(aEnds.xy), b = toPixel(aEnds.zw);
    vec2 dir = b - a;
    float len = max(length(dir), 1e-3);
    dir /= len;
    vec2 normal = vec2(-dir.y, dir.x);
    float r0 = aRadii.x * uScale, r1 = aRadii.y * uScale;
    float width = aStyle.x;
    float arrowLen = aStyle.z > 0.5 ? max(7.0, width * 3.5) : 0.0;
    vec2 start = a + dir * r0;
    vec2 end = b - dir * (r1 + arrowLen * 0.8);
    vec2 corner = vec2((gl_VertexID & 1) == 0 ? 0.0 : 1.0, (gl_VertexID & 2) == 0 ? -1.0 : 1.0);
    vec2 pixel;
    if (uArrow == 1) {
        if (aStyle.z < 0.5 || len < r0 + r1 + 2.0) { gl_Position = vec4(2.0, 2.0, 0.0, 1.0); return; }  // no arrow: off screen
        vec2 tip = b - dir * r1;
        vec2 base = tip - dir * arrowLen;
        float halfWidth = max(4.0, width * 1.8);
        // Triangle strip of 4 vertices: base-left, base-right, tip, tip.
        pixel = gl_VertexID == 0 ? base + normal * halfWidth : (gl_VertexID == 1 ? base - normal * halfWidth : tip);
        vAlong = vec2(0.0, 0.0);
        vWidth = 0.0;
    } else {
        float extent = width * 0.5 + 1.0;
        pixel = mix(start, end, corner.x) + normal * corner.y * extent;
        vAlong = vec2(corner.x * length(end - start), corner.y * extent / max(width * 0.5, 0.5));
        vWidth = width;
    }
    vColor = aColor;
    vStyle = aStyle;
    gl_Position = vec4(pixel / (0.5 * uViewport), 0.0, 1.0);
}
