#pragma once
/// @file
/// @brief Forward declarations of the vocabulary, for headers that only mention the types.

#include <cstdint>

namespace orgmodel {
template <class Tag>
struct strong_index;
class money;
class share;
struct share_range;
class decision_class_set;
struct organisation;
struct body;
struct seat;
struct affiliation;
struct escalation;
struct ownership;
struct funding_rule;
struct membership;
struct representation;
struct budget_figure;
struct model_info;
struct model_data;
class model;
class model_builder;
class layer_graph;
enum class relation_layer : std::uint8_t;
class error;
class parse_error;
class invalid_model;
class lookup_error;
class arithmetic_error;
}  // namespace orgmodel
