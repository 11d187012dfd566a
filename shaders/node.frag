#version 330 core
// Signed-distance shapes, anti-aliased at any zoom: fill, a dark rim, and an outline ring for
// hover (light) and selection (strong).
in vec2 vLocal;
in float vRadiusPx;
flat in vec4 vColor;
flat in vec2 vStyle;
flat in vec4 vRing;
flat in float vRingDashed;
uniform vec4 uRim;
uniform vec4 uSelect;
out vec4 fragColor;
float sdRoundBox(vec2 p, float r) { vec2 q = abs(p) - vec2(1.0 - r); return length(max(q, 0.0)) + min(max(q.x, q.y), 0.0) - r; }
void main() {
    float d = vStyle.x > 1.5 ? sdRoundBox(vLocal, 0.3) : length(vLocal) - 1.0;  // in radii
    float px = d * vRadiusPx;                                                 // in pixels
    float aa = 0.75;
    float fill = 1.0 - smoothstep(-aa, aa, px);
    vec4 color = vColor;
    // Rim: a thin darker edge; double circle: a second ring inside.
    float rim = 1.0 - smoothstep(0.0, aa * 2.0, abs(px + 1.0) - 0.6);
    if (vStyle.x > 0.5 && vStyle.x < 1.5) rim = max(rim, 1.0 - smoothstep(0.0, aa * 2.0, abs(px + 0.28 * vRadiusPx) - 0.7));
    color.rgb = mix(color.rgb, uRim.rgb, rim * uRim.a);
    float alpha = fill * color.a;
    // Highlight ring outside the shape.
    if (vStyle.y > 0.5 && vStyle.y < 2.5) {
        float width = vStyle.y > 1.5 ? 3.5 : 2.0;
        float ring = 1.0 - smoothstep(width - aa, width + aa, abs(px - width - 1.0));
        vec4 rc = vStyle.y > 1.5 ? uSelect : vec4(uSelect.rgb, 0.55);
        color.rgb = mix(color.rgb, rc.rgb, ring * (1.0 - fill));
        alpha = max(alpha, ring * rc.a);
    }
    // Marking ring (compare mode): 3 pixels wide just outside the shape, dashed on request.
    if (vRing.a > 0.0) {
        float ring = 1.0 - smoothstep(1.5 - aa, 1.5 + aa, abs(px - 2.5));
        if (vRingDashed > 0.5) {
            float dashes = max(8.0, floor(vRadiusPx * 0.6));
            ring *= smoothstep(-0.2, 0.2, sin(atan(vLocal.y, vLocal.x) * dashes));
        }
        color.rgb = mix(color.rgb, vRing.rgb, ring);
        alpha = max(alpha, ring * vRing.a);
    }
    if (vStyle.y > 2.5) alpha *= 0.25;  // dimmed (filtered out, outside the ego network)
    if (alpha <= 0.003) discard;
    fragColor = vec4(color.rgb, alpha);
}
