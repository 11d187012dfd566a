#pragma once
// Error types at the engine's boundaries. Each carries a message that says what, where and why.
#include <stdexcept>
#include <string>

namespace knp {

// A file or text that cannot be read as what it claims to be (exit code 3 in knp).
class InputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// An edit that would break the model's rules (empty name, duplicate id, unknown actor, ...).
// Also bad input when it comes from a file (exit code 3).
class ValidationError : public InputError {
public:
    using InputError::InputError;
};

// A command line that names something the input does not have (an unknown field, attribute
// or actor to focus on): exit code 2, like any other usage error.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The project file cannot be used (foreign, newer, damaged, locked); never bad user data.
class StoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Why the project file could not store a change: no space left on its disk (or the file size
// limit reached), its folder or device gone (renamed, a USB stick pulled out), the file or its
// folder read-only, or another input/output error of the device. The file itself is as it was
// before the change (the change's transaction was rolled back).
enum class StorageProblem { Full, Gone, ReadOnly, Io };

// A change the project file could not store, for the reason `problem()` names.
class StorageError : public StoreError {
public:
    StorageError(StorageProblem problem, const std::string& what) : StoreError(what), problem_(problem) {}
    StorageProblem problem() const { return problem_; }

private:
    StorageProblem problem_;
};

// The project is open for writing in another window or knp command (its writer lock is held).
class ProjectLockedError : public StoreError {
public:
    using StoreError::StoreError;
};

// Long work stopped because the person who started it cancelled it (nothing was written).
class Cancelled : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A foreign, newer or damaged file: it was not opened and not changed (exit code 3).
class RefusedFileError : public StoreError {
public:
    using StoreError::StoreError;
};

}  // namespace knp
