#version 330 core
// Copies texels of a cached layer one to one (no filtering): the pixel at gl_FragCoord comes
// from the layer at gl_FragCoord - uShift. Layers hold premultiplied alpha.
uniform sampler2D uLayer;
uniform ivec2 uShift;
out vec4 fragColor;
void main() { fragColor = texelFetch(uLayer, ivec2(gl_FragCoord.xy) - uShift, 0); }
