#pragma once
// Random but valid user commands against a network, for replay and undo/redo checks.
#include <random>

#include "core/commands.hpp"

namespace knp::test {

// One random command (add/update/remove actor or link, move, rename) valid for `n`.
Edit randomEdit(const Network& n, std::mt19937& rng);
// A random valid network of roughly `actors` actors and `links` links.
Network randomNetwork(std::mt19937& rng, int actors, int links);

}  // namespace knp::test
