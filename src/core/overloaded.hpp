#pragma once
// Overloaded{lambdas...}: one visitor for std::visit made of several lambdas.
namespace knp {
template <class... Ts> struct Overloaded : Ts... { using Ts::operator()...; };
template <class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;
}  // namespace knp
