#pragma once
// Validation of actors and links against the model's rules. Each check throws ValidationError
// with a message naming the record and what is wrong, e.g.
//   link "l7": target "a99" is not an actor of this network
#include "core/network.hpp"

namespace knp {

void validateActor(const Actor& actor, const Taxonomy& taxonomy);
void validateLink(const Link& link, const Network& network);
// True for a positive finite number: the only strengths a link may carry.
bool isValidStrength(double strength);
// Whole-network check: unique ids, links to known actors, no self-links, valid fields.
void validateNetwork(const Network& network);

}  // namespace knp
