#pragma once
// Move-only RAII wrappers for GL objects. A shader program is compiled from embedded sources;
// a compile or link error throws with GL's log and the shader's name.
#include <epoxy/gl.h>

#include <string>
#include <string_view>

namespace knp::render {

class Program {
public:
    Program() = default;
    Program(std::string_view name, std::string_view vertexSource, std::string_view fragmentSource);
    ~Program();
    Program(Program&& other) noexcept;
    Program& operator=(Program&& other) noexcept;
    Program(const Program&) = delete;
    Program& operator=(const Program&) = delete;

    GLuint id() const { return id_; }
    GLint uniform(const char* name) const { return glGetUniformLocation(id_, name); }

private:
    GLuint id_ = 0;
};

class VertexArray {
public:
    VertexArray() { glGenVertexArrays(1, &id_); }
    ~VertexArray() { if (id_) glDeleteVertexArrays(1, &id_); }
    VertexArray(VertexArray&& o) noexcept : id_(o.id_) { o.id_ = 0; }
    VertexArray& operator=(VertexArray&&) = delete;
    VertexArray(const VertexArray&) = delete;
    VertexArray& operator=(const VertexArray&) = delete;
    GLuint id() const { return id_; }

private:
    GLuint id_ = 0;
};

// A new buffer whose vertices are plain vec2 positions (attribute 0), bound to `vao`.
GLuint makePositionBuffer(const VertexArray& vao);

}  // namespace knp::render
