#include "kiosk/camera_worker.hpp"

#include "kiosk/line_view.hpp"

#include <algorithm>
#include <chrono>
#include <memory>
#include <opencv2/imgproc.hpp>

#include "footfall/data/store/store.hpp"

namespace footfall::app {
namespace {

constexpr int kScreenFrameWidth = 640;
constexpr auto kFramePublishInterval = std::chrono::milliseconds(66);


}  // namespace

CameraWorker::CameraWorker(KioskContext& context, CountingSetup setup, std::function<void()> counts_changed)
    : context_(context),
      counts_changed_(std::move(counts_changed)),
      setup_(std::move(setup)),
      audit_([this](const AuditRecorder::Status& status) {
        context_.hub.update([&](ui::KioskSnapshot& snapshot) {
          snapshot.audit = {status.recording, status.waiting, status.clip.string(), status.ends_ms,
                            status.frames, status.error};
        });
      }) {}

void CameraWorker::start() {
  thread_ = std::thread([this] { run(); });
}

void CameraWorker::stop_loop() {
  {
    std::lock_guard lock(loop_mutex_);
    if (loop_ != nullptr) loop_->stop();
  }
  signal_.notify_all();
}

void CameraWorker::join() {
  if (thread_.joinable()) thread_.join();
}

std::string CameraWorker::door() {
  std::lock_guard lock(loop_mutex_);
  return setup_.camera.door;
}

void CameraWorker::set_line(const vision::CountingLine& line) {
  std::lock_guard lock(loop_mutex_);
  setup_.camera.line = line;  // a restarted camera thread keeps it
  if (loop_ != nullptr) loop_->set_line(line);
}

void CameraWorker::restart(CameraConfig camera) {
  std::lock_guard lock(loop_mutex_);
  camera.line = setup_.camera.line;
  setup_.camera = std::move(camera);
  restart_ = true;
  if (loop_ != nullptr) loop_->stop();
  signal_.notify_all();
}

// A disk that refuses writes must be seen on the screen; the counts wait in memory meanwhile.
void CameraWorker::show_storage_status(const data::CountWriterStatus& status) {
  std::string detail;
  if (!status.last_error.empty()) {
    detail = status.last_error + " (" + std::to_string(status.pending) + " counts waiting in memory)";
  }
  if (status.dropped > 0) {
    detail += (detail.empty() ? "" : "; ") + std::to_string(status.dropped) + " counts lost";
  }
  if (detail == storage_warning_) return;
  storage_warning_ = detail;
  context_.hub.update([&](ui::KioskSnapshot& snapshot) {
    ui::set_warning(snapshot.warnings, ui::WarningSource::Storage, detail);
  });
}

// Runs the camera until stop(); a settings change restarts it, and a source that ended or failed
// waits here for the manager to fix it.
void CameraWorker::run() {
  while (!context_.stopping()) {
    run_once();
    std::unique_lock lock(loop_mutex_);
    signal_.wait(lock, [this] { return context_.stopping() || restart_; });
    restart_ = false;
  }
}

void CameraWorker::run_once() {
  try {
    data::CountEventWriter writer(context_.database.string());
    std::unique_ptr<data::Store> gap_store;
    CountingSetup setup = [this] {
      std::lock_guard lock(loop_mutex_);
      return setup_;
    }();
    play_as_live(setup.camera.source, setup.source_options, context_.now_ms());
    const std::string door = setup.camera.door;
    CountingLoop loop(setup);
    {
      std::lock_guard lock(loop_mutex_);
      if (context_.stopping() || restart_) return;
      loop_ = &loop;
    }
    auto last_publish = std::chrono::steady_clock::now() - kFramePublishInterval;
    std::int64_t live_in = 0;
    std::int64_t live_out = 0;
    std::int64_t last_crossing_ms = 0;
    bool last_crossing_in = true;
    auto state = ui::CameraState::Starting;
    std::string state_message;

    loop.on_crossing = [&](const vision::Crossing& crossing) {
      writer.push(to_count_event(crossing, door));
      (crossing.direction == vision::Direction::In ? live_in : live_out)++;
      last_crossing_ms = context_.now_ms();
      last_crossing_in = crossing.direction == vision::Direction::In;
      counts_changed_();
    };
    loop.on_gap = [&](std::int64_t start_ms, std::int64_t end_ms, const std::string& reason) {
      if (!gap_store) gap_store = std::make_unique<data::Store>(context_.database.string());
      gap_store->add_camera_gap({door, start_ms, end_ms, reason});
      counts_changed_();
    };
    loop.on_state = [&](const std::string& name, const std::string& message) {
      state = name == "ok"       ? ui::CameraState::Ok
              : name == "frozen" ? ui::CameraState::Frozen
                                 : ui::CameraState::Down;
      state_message = message;
      auto view = std::make_shared<ui::CameraView>();
      view->state = state;
      view->message = message;
      view->live_in = live_in;
      view->live_out = live_out;
      context_.hub.publish_camera(view);
    };
    loop.on_frame = [&](const vision::Frame& frame, const vision::PeopleCounter& counter,
                        const CountingProgress& progress) {
      last_frame_ms_ = context_.now_ms();
      audit_.add(frame, counter, progress);
      const auto now = std::chrono::steady_clock::now();
      if (now - last_publish < kFramePublishInterval) return;
      last_publish = now;
      auto view = std::make_shared<ui::CameraView>();
      const double scale = static_cast<double>(kScreenFrameWidth) / std::max(1, frame.image.cols);
      cv::Mat small;
      cv::Mat rgba;
      cv::resize(frame.image, small, cv::Size(), scale, scale, cv::INTER_AREA);
      cv::cvtColor(small, rgba, cv::COLOR_BGR2RGBA);
      view->width = rgba.cols;
      view->height = rgba.rows;
      view->rgba.assign(rgba.datastart, rgba.dataend);
      view->sequence = static_cast<std::uint64_t>(frame.index) + 1;
      view->line = to_line_view(counter.config().line);
      for (const auto& track : counter.tracks()) {
        view->tracks.push_back({track.id, to_ui(track.top_left), to_ui(track.bottom_right)});
      }
      view->last_crossing_ms = last_crossing_ms;
      view->last_crossing_in = last_crossing_in;
      view->fps = progress.fps;
      view->frame_age_ms = std::max<std::int64_t>(0, context_.now_ms() - frame.timestamp_ms);
      view->state = state == ui::CameraState::Starting ? ui::CameraState::Ok : state;
      view->message = state_message;
      view->live_in = live_in;
      view->live_out = live_out;
      context_.hub.publish_camera(view);
      show_storage_status(writer.status());
    };
    loop.run();
    {
      std::lock_guard lock(loop_mutex_);
      loop_ = nullptr;
    }
    audit_.finish();
    writer.flush();
    if (!context_.stopping() && !restart_) {
      auto view = std::make_shared<ui::CameraView>();
      view->state = ui::CameraState::Down;
      view->message = "the camera source ended: " + loop.source_description();
      context_.hub.publish_camera(view);
    }
  } catch (const std::exception& error) {
    {
      std::lock_guard lock(loop_mutex_);
      loop_ = nullptr;
    }
    audit_.finish();
    auto view = std::make_shared<ui::CameraView>();
    view->state = ui::CameraState::Down;
    view->message = error.what();
    context_.hub.publish_camera(view);
    context_.report_error("camera", error.what());
  }
}

}  // namespace footfall::app
