#version 330 core
// Anti-aliased line body with dashes (planned) or dots (wished); arrowheads are solid.
in vec2 vAlong;
flat in vec4 vColor;
flat in vec4 vStyle;
flat in float vWidth;
out vec4 fragColor;
void main() {
    float alpha = vColor.a;
    if (vWidth > 0.0) {
        float edge = abs(vAlong.y);  // 1 at the nominal half width
        float halfPx = max(vWidth * 0.5, 0.5);
        alpha *= 1.0 - smoothstep(1.0 - 0.75 / halfPx, 1.0 + 0.75 / halfPx, edge);
        if (vStyle.y > 0.5) {
            float period = vStyle.y > 1.5 ? max(6.0, vWidth * 3.0) : max(14.0, vWidth * 6.0);
            float on = vStyle.y > 1.5 ? 0.35 : 0.6;
            if (fract(vAlong.x / period) > on) discard;
        }
    }
    if (vStyle.w > 0.5) alpha *= 0.15;  // dimmed
    if (alpha <= 0.003) discard;
    fragColor = vec4(vColor.rgb, alpha);
}
