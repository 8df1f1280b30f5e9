#pragma once
#include "footfall/vision/types.hpp"

#include <opencv2/core.hpp>

#include <string>
#include <vector>

namespace footfall::vision {

// Draws the counting line, its inside marker, each track's box, anchor and id, and a caption along
// the bottom, so a person can check the counter against the picture. Only for the audit clip and
// the developer's debug strips: frames are never written to disk otherwise.
void draw_counting_overlay(cv::Mat& image, const CountingLine& line, const std::vector<TrackView>& tracks,
                           const std::string& caption);

}  // namespace footfall::vision
