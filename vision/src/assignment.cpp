#include "footfall/vision/assignment.hpp"

#include <algorithm>
#include <cstddef>
#include <limits>

namespace footfall::vision {

// The O(n^3) potentials formulation of the Hungarian method on a square matrix padded with zeros.
std::vector<int> solve_assignment(const std::vector<std::vector<double>>& cost) {
  const std::size_t rows = cost.size();
  if (rows == 0) return {};
  std::size_t cols = 0;
  for (const auto& row : cost) cols = std::max(cols, row.size());
  const std::size_t n = std::max(rows, cols);
  const auto at = [&](std::size_t r, std::size_t c) {
    return r < rows && c < cost[r].size() ? cost[r][c] : 0.0;
  };

  constexpr double kInf = std::numeric_limits<double>::infinity();
  std::vector<double> u(n + 1, 0.0);
  std::vector<double> v(n + 1, 0.0);
  std::vector<std::size_t> match(n + 1, 0);  // match[col] = row, 1-based, 0 = free
  std::vector<std::size_t> way(n + 1, 0);
  for (std::size_t r = 1; r <= n; ++r) {
    match[0] = r;
    std::size_t col0 = 0;
    std::vector<double> min_to(n + 1, kInf);
    std::vector<bool> used(n + 1, false);
    do {
      used[col0] = true;
      const std::size_t row0 = match[col0];
      double delta = kInf;
      std::size_t col1 = 0;
      for (std::size_t c = 1; c <= n; ++c) {
        if (used[c]) continue;
        const double reduced = at(row0 - 1, c - 1) - u[row0] - v[c];
        if (reduced < min_to[c]) {
          min_to[c] = reduced;
          way[c] = col0;
        }
        if (min_to[c] < delta) {
          delta = min_to[c];
          col1 = c;
        }
      }
      for (std::size_t c = 0; c <= n; ++c) {
        if (used[c]) {
          u[match[c]] += delta;
          v[c] -= delta;
        } else {
          min_to[c] -= delta;
        }
      }
      col0 = col1;
    } while (match[col0] != 0);
    do {
      const std::size_t col1 = way[col0];
      match[col0] = match[col1];
      col0 = col1;
    } while (col0 != 0);
  }

  std::vector<int> assignment(rows, -1);
  for (std::size_t c = 1; c <= n; ++c) {
    const std::size_t r = match[c];
    if (r >= 1 && r <= rows && c <= cols) assignment[r - 1] = static_cast<int>(c - 1);
  }
  return assignment;
}

}  // namespace footfall::vision
