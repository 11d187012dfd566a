#version 330 core
// Rectangles in framebuffer pixels (origin bottom left), for copying a cached layer.
layout(location = 0) in vec2 aPixel;
uniform vec2 uViewport;
void main() { gl_Position = vec4(aPixel / uViewport * 2.0 - 1.0, 0.0, 1.0); }
