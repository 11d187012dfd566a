#version 330 core
// Canvas grid: one quiet colour. The background itself is a clear, which costs no shading.
uniform vec4 uLine;
out vec4 fragColor;
void main() { fragColor = uLine; }
