#pragma once
/// @file
/// @brief Everything orgmodel offers, for convenience. Prefer the specific headers in libraries:
/// this one pulls in Boost.Graph, range-v3 and nlohmann/json.
///
/// Modules added by later issues (analysis/, scenario/, synth/, report/) append their headers here.

#include "orgmodel/config.hpp"
#include "orgmodel/error.hpp"
#include "orgmodel/fwd.hpp"
#include "orgmodel/version.hpp"

#include "orgmodel/core/checked.hpp"
#include "orgmodel/core/decision_class.hpp"
#include "orgmodel/core/enum_names.hpp"
#include "orgmodel/core/ids.hpp"
#include "orgmodel/core/kinds.hpp"
#include "orgmodel/core/money.hpp"
#include "orgmodel/core/share.hpp"

#include "orgmodel/model/builder.hpp"
#include "orgmodel/model/entities.hpp"
#include "orgmodel/model/extensions.hpp"
#include "orgmodel/model/model.hpp"
#include "orgmodel/model/queries.hpp"
#include "orgmodel/model/relations.hpp"
#include "orgmodel/model/validate.hpp"

#include "orgmodel/graph/layer_graph.hpp"

#include "orgmodel/io/dot.hpp"
#include "orgmodel/io/json.hpp"
#include "orgmodel/io/table.hpp"

#include "orgmodel/data/population.hpp"

#include "orgmodel/analysis/allocation.hpp"
#include "orgmodel/analysis/budget_check.hpp"
#include "orgmodel/analysis/contribution_comparison.hpp"
#include "orgmodel/analysis/cost_game.hpp"
#include "orgmodel/analysis/funding.hpp"
#include "orgmodel/analysis/funding_trace.hpp"
#include "orgmodel/analysis/nucleolus.hpp"
#include "orgmodel/analysis/shapley.hpp"
#include "orgmodel/io/funding_json.hpp"
