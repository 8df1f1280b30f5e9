#pragma once
#include <vector>

namespace footfall::vision {

// Minimum-cost assignment (Hungarian method) for a rows x cols cost matrix.
// Returns, for each row, the assigned column or -1 when there are more rows than columns.
std::vector<int> solve_assignment(const std::vector<std::vector<double>>& cost);

}  // namespace footfall::vision
