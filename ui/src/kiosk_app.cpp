#include "footfall/ui/kiosk_view.hpp"
#include "footfall/data/wall_clock.hpp"
#include "kiosk_screenshot.hpp"

#define GLFW_INCLUDE_NONE
#include <GL/gl.h>
#include <GLFW/glfw3.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>
#include <imgui_internal.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <exception>
#include <iostream>
#include <stdexcept>
#include <thread>
#include <utility>

namespace footfall::ui {
namespace {

constexpr double idle_wait_seconds = 0.5;
constexpr double hide_cursor_after_seconds = 3.0;
constexpr double animation_wait_seconds = 1.0 / 30.0;
constexpr double redraw_every_seconds = 5.0;  // also lets the cursor hide when nothing else changes
constexpr int frames_after_input = 3;         // ImGui settles hover/active states over a couple of frames


// The camera frame as a GL texture, uploaded only when the frame's sequence changes.
class CameraTexture {
 public:
  CameraTexture() = default;
  CameraTexture(const CameraTexture&) = delete;
  CameraTexture& operator=(const CameraTexture&) = delete;
  ~CameraTexture() { release(); }

  void invalidate() { uploaded_ = false; }

  void release() {
    if (id_ != 0) glDeleteTextures(1, &id_);
    id_ = 0;
    uploaded_ = false;
  }

  ImTextureID get(const CameraView& view) {
    if (id_ == 0) {
      glGenTextures(1, &id_);
      glBindTexture(GL_TEXTURE_2D, id_);
      glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
      glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
      glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
      glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    }
    if (view.sequence != sequence_ || view.width != width_ || view.height != height_ || !uploaded_) {
      glBindTexture(GL_TEXTURE_2D, id_);
      glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
      glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
      if (view.width != width_ || view.height != height_ || !uploaded_) {
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, view.width, view.height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                     view.rgba.data());
      } else {
        glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, view.width, view.height, GL_RGBA, GL_UNSIGNED_BYTE,
                        view.rgba.data());
      }
      sequence_ = view.sequence;
      width_ = view.width;
      height_ = view.height;
      uploaded_ = true;
    }
    // ImGui carries GL texture names as pointers.
    return reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(id_));  // NOLINT(performance-no-int-to-ptr)
  }

 private:
  GLuint id_ = 0;
  int width_ = 0;
  int height_ = 0;
  std::uint64_t sequence_ = 0;
  bool uploaded_ = false;
};

void print_glfw_error(int code, const char* description) {
  std::cerr << "footfall kiosk: GLFW error " << code << ": " << description << '\n';
}

// At boot the X server may not accept clients yet, and Xvfb without -noreset refuses them for a moment
// after its last client left; so a failed connection is retried briefly before giving up.
bool init_glfw() {
  constexpr int attempts = 15;
  for (int attempt = 1; attempt <= attempts; ++attempt) {
    glfwSetErrorCallback(attempt == attempts ? print_glfw_error : nullptr);
    if (glfwInit() == GLFW_TRUE) {
      glfwSetErrorCallback(print_glfw_error);
      return true;
    }
    if (attempt < attempts) std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  return false;
}

// One GLFW window with its ImGui context; everything is torn down in reverse order.
class KioskWindow {
 public:
  KioskWindow(const KioskOptions& options, bool vsync) : fullscreen_(options.fullscreen) {
    if (!init_glfw())
      throw std::runtime_error("kiosk: cannot open a window (no display? glfwInit failed for 3 s)");
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    GLFWmonitor* monitor = nullptr;
    int width = options.width;
    int height = options.height;
    if (options.fullscreen) {
      monitor = glfwGetPrimaryMonitor();
      if (const GLFWvidmode* mode = monitor != nullptr ? glfwGetVideoMode(monitor) : nullptr;
          mode != nullptr) {
        width = mode->width;
        height = mode->height;
        glfwWindowHint(GLFW_REFRESH_RATE, mode->refreshRate);
      }
      glfwWindowHint(GLFW_DECORATED, GLFW_FALSE);
    }
    window_ = glfwCreateWindow(width, height, "Footfall", monitor, nullptr);
    if (window_ == nullptr) {
      glfwTerminate();
      throw std::runtime_error("kiosk: cannot create a " + std::to_string(width) + "x" +
                               std::to_string(height) + " OpenGL 3 window");
    }
    glfwMakeContextCurrent(window_);
    glfwSwapInterval(vsync ? 1 : 0);
    glfwSetWindowUserPointer(window_, this);
    // Installed before the ImGui backend, which chains to them.
    glfwSetMouseButtonCallback(window_, [](GLFWwindow* window, int, int, int) { self(window).note_input(); });
    glfwSetKeyCallback(window_, [](GLFWwindow* window, int, int, int, int) { self(window).note_input(); });
    glfwSetScrollCallback(window_, [](GLFWwindow* window, double, double) { self(window).note_input(); });

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // nothing written beside the kiosk
    ImGui::StyleColorsDark();
    ImGui::GetStyle().WindowRounding = 6.F;
    ImGui::GetStyle().FrameRounding = 4.F;
    const float scale = text_scale_for(height);
    ImGui::GetStyle().ScaleAllSizes(scale);
    try {
      state_.fonts = add_kiosk_fonts(*io.Fonts, options, scale);
    } catch (...) {
      shutdown();
      throw;
    }
    ImGui_ImplGlfw_InitForOpenGL(window_, true);
    ImGui_ImplOpenGL3_Init("#version 130");
    glfwSetCursorPosCallback(window_, [](GLFWwindow* window, double, double) { self(window).note_input(); });
    glfwSetDropCallback(window_, [](GLFWwindow* window, int count, const char** paths) {
      for (int index = 0; index < count; ++index)
        self(window).state_.dropped_files.emplace_back(paths[index]);
      self(window).note_input();
    });

    state_.language = parse_language(options.language).value_or(Language::En);
    state_.admin_pin_hash = options.admin_pin_hash;
    state_.settings_open = options.open_screen == "settings";
    state_.tally.open = options.open_screen == "tally";
    state_.contest_open = options.open_screen == "contest";
    state_.setup.forced = options.open_screen == "setup";
    state_.camera_texture = [this](const CameraView& view) { return camera_texture_.get(view); };
    last_input_ = glfwGetTime();
  }

  KioskWindow(const KioskWindow&) = delete;
  KioskWindow& operator=(const KioskWindow&) = delete;
  ~KioskWindow() { shutdown(); }

  [[nodiscard]] bool should_close() const { return glfwWindowShouldClose(window_) == GLFW_TRUE; }
  [[nodiscard]] bool take_input() { return std::exchange(input_seen_, false); }

  // Draws one frame into the back buffer; the caller swaps (after an optional screenshot).
  void render(const KioskSnapshot& snapshot, const KioskIntents& intents) {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    state_.now_ms = data::wall_clock_ms() + snapshot.clock_offset_ms;
    if (fullscreen_ && glfwGetTime() - last_input_ > hide_cursor_after_seconds) {
      ImGui::SetMouseCursor(ImGuiMouseCursor_None);
    }
    try {
      PanelContext context{snapshot, state_, intents};
      draw_kiosk(context);
    } catch (const std::exception& error) {
      // A snapshot must never take the screen down: unwind ImGui's stacks and show the next frame.
      ImGui::ErrorCheckEndFrameRecover(nullptr);
      std::cerr << "footfall kiosk: frame skipped: " << error.what() << '\n';
    }
    ImGui::Render();
    glfwGetFramebufferSize(window_, &framebuffer_width_, &framebuffer_height_);
    glViewport(0, 0, framebuffer_width_, framebuffer_height_);
    const ImVec4 background = ImGui::ColorConvertU32ToFloat4(palette::background);
    glClearColor(background.x, background.y, background.z, 1.F);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  }

  void save_screenshot(const std::string& path) const {
    save_back_buffer_png(path, framebuffer_width_, framebuffer_height_);
  }
  void swap() { glfwSwapBuffers(window_); }
  void invalidate_camera_texture() { camera_texture_.invalidate(); }
  void finish() const { glFinish(); }

 private:
  static KioskWindow& self(GLFWwindow* window) {
    return *static_cast<KioskWindow*>(glfwGetWindowUserPointer(window));
  }
  void note_input() {
    input_seen_ = true;
    last_input_ = glfwGetTime();
  }
  void shutdown() {
    if (window_ == nullptr) return;
    state_.camera_texture = nullptr;
    if (ImGui::GetCurrentContext() != nullptr) {
      if (ImGui::GetIO().BackendRendererUserData != nullptr) ImGui_ImplOpenGL3_Shutdown();
      if (ImGui::GetIO().BackendPlatformUserData != nullptr) ImGui_ImplGlfw_Shutdown();
      ImGui::DestroyContext();
    }
    camera_texture_.release();
    glfwDestroyWindow(window_);
    window_ = nullptr;
    glfwTerminate();
  }

  bool fullscreen_ = false;
  GLFWwindow* window_ = nullptr;
  KioskState state_;
  CameraTexture camera_texture_;
  bool input_seen_ = false;
  double last_input_ = 0.0;
  int framebuffer_width_ = 0;
  int framebuffer_height_ = 0;
};

// Clears the hub's wake before the window (and GLFW) go away.
class WakeGuard {
 public:
  explicit WakeGuard(SnapshotHub& hub) : hub_(hub) {
    hub_.set_wake([] { glfwPostEmptyEvent(); });
  }
  WakeGuard(const WakeGuard&) = delete;
  WakeGuard& operator=(const WakeGuard&) = delete;
  ~WakeGuard() { hub_.set_wake(nullptr); }

 private:
  SnapshotHub& hub_;
};

bool flash_running(const KioskSnapshot& snapshot) {
  return snapshot.camera && snapshot.camera->last_crossing_ms > 0 &&
         data::wall_clock_ms() - snapshot.camera->last_crossing_ms < 1000;
}

int run_window(const KioskOptions& options, SnapshotHub& hub, const KioskIntents& intents) {
  KioskWindow window(options, true);
  const WakeGuard wake(hub);
  const bool screenshot = !options.screenshot_path.empty();
  const double screenshot_at = glfwGetTime() + options.screenshot_after_s;
  int input_frames = frames_after_input;
  bool animating = false;
  std::uint64_t rendered_version = ~std::uint64_t{0};
  std::int64_t rendered_minute = -1;
  double rendered_at = 0.0;
  while (!window.should_close()) {
    if (window.take_input()) input_frames = frames_after_input;
    const bool screenshot_due = screenshot && glfwGetTime() >= screenshot_at;
    const std::uint64_t version = hub.version();
    const std::int64_t minute = data::wall_clock_ms() / 60000;
    // Draw only when something visible changed: software GL makes every frame cost tens of ms of CPU.
    if (input_frames > 0 || animating || screenshot_due || version != rendered_version ||
        minute != rendered_minute || glfwGetTime() - rendered_at >= redraw_every_seconds) {
      const KioskSnapshot snapshot = hub.latest();
      window.render(snapshot, intents);
      if (screenshot_due) {
        window.save_screenshot(options.screenshot_path);
        return 0;
      }
      window.swap();
      rendered_version = version;
      rendered_minute = minute;
      rendered_at = glfwGetTime();
      animating = flash_running(snapshot);
      if (input_frames > 0) --input_frames;
    }
    // New snapshots end the wait early through glfwPostEmptyEvent.
    double wait = input_frames > 0 ? 0.0 : (animating ? animation_wait_seconds : idle_wait_seconds);
    if (screenshot) wait = std::min(wait, std::max(0.0, screenshot_at - glfwGetTime()));
    if (wait > 0.0) {
      glfwWaitEventsTimeout(wait);
    } else {
      glfwPollEvents();
    }
  }
  return 0;
}

}  // namespace

int run_kiosk(const KioskOptions& options, SnapshotHub& hub, const KioskIntents& intents) {
  try {
    return run_window(options, hub, intents);
  } catch (const std::exception& error) {
    std::cerr << "footfall kiosk: " << error.what() << '\n';
    return 1;
  }
}

double measure_frame_ms(const KioskOptions& options, SnapshotHub& hub, int frames) {
  KioskWindow window(options, false);
  const KioskIntents no_intents;
  constexpr int warmup_frames = 3;  // font texture upload and first layout
  for (int frame = 0; frame < warmup_frames; ++frame) {
    glfwPollEvents();
    window.render(hub.latest(), no_intents);
    window.swap();
  }
  const auto start = std::chrono::steady_clock::now();
  for (int frame = 0; frame < frames; ++frame) {
    glfwPollEvents();
    window.invalidate_camera_texture();  // as with a live camera: a new frame to upload every time
    window.render(hub.latest(), no_intents);
    window.swap();
  }
  window.finish();
  const std::chrono::duration<double, std::milli> elapsed = std::chrono::steady_clock::now() - start;
  return frames > 0 ? elapsed.count() / frames : 0.0;
}

}  // namespace footfall::ui
