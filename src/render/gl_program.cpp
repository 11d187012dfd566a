#include "render/gl_program.hpp"

#include <stdexcept>
#include <utility>

namespace knp::render {

namespace {
GLuint compile(std::string_view name, GLenum type, std::string_view source) {
    GLuint shader = glCreateShader(type);
    const char* text = source.data();
    const auto length = static_cast<GLint>(source.size());
    glShaderSource(shader, 1, &text, &length);
    glCompileShader(shader);
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[2048] = {};
        glGetShaderInfoLog(shader, sizeof log, nullptr, log);
        glDeleteShader(shader);
        throw std::runtime_error("shader " + std::string(name) + (type == GL_VERTEX_SHADER ? " (vertex)" : " (fragment)") +
                                 " does not compile: " + log);
    }
    return shader;
}
}  // namespace

Program::Program(std::string_view name, std::string_view vertexSource, std::string_view fragmentSource) {
    GLuint vs = compile(name, GL_VERTEX_SHADER, vertexSource);
    GLuint fs = compile(name, GL_FRAGMENT_SHADER, fragmentSource);
    id_ = glCreateProgram();
    glAttachShader(id_, vs);
    glAttachShader(id_, fs);
    glLinkProgram(id_);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = GL_FALSE;
    glGetProgramiv(id_, GL_LINK_STATUS, &ok);
    if (!ok) {
        char log[2048] = {};
        glGetProgramInfoLog(id_, sizeof log, nullptr, log);
        glDeleteProgram(id_);
        id_ = 0;
        throw std::runtime_error("shader program " + std::string(name) + " does not link: " + log);
    }
}

Program::~Program() {
    if (id_) glDeleteProgram(id_);
}

Program::Program(Program&& other) noexcept : id_(std::exchange(other.id_, 0)) {}

Program& Program::operator=(Program&& other) noexcept {
    if (this != &other) {
        if (id_) glDeleteProgram(id_);
        id_ = std::exchange(other.id_, 0);
    }
    return *this;
}

GLuint makePositionBuffer(const VertexArray& vao) {
    GLuint buffer = 0;
    glGenBuffers(1, &buffer);
    glBindVertexArray(vao.id());
    glBindBuffer(GL_ARRAY_BUFFER, buffer);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 2 * sizeof(float), nullptr);
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    return buffer;
}

}  // namespace knp::render
