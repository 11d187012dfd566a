#pragma once
// What a use case tells the person who started it, as it goes: the command line prints each
// message on stderr ("knp: ...", "knp: warning: ..."), the view shows them in its status line
// and notices. Messages are English for the command line's log, as knp has always written them.
#include <functional>
#include <string>

namespace knp::session {

enum class MessageLevel { Info, Warning };

// Called once per message, in the order they arise; may be empty (nothing is reported).
using Reporter = std::function<void(MessageLevel, const std::string&)>;

inline void say(const Reporter& report, const std::string& text) {
    if (report) report(MessageLevel::Info, text);
}
inline void warn(const Reporter& report, const std::string& text) {
    if (report) report(MessageLevel::Warning, text);
}

}  // namespace knp::session
