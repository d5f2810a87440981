// Feature registration: each feature adds its client module and its screen here, once, in
// registerFeatures() (features.cpp), the way ImHex registers its views. Nothing else in the
// app, the shell or the test hook names a feature.
#pragma once

#include "client/app_controller.hpp"
#include "ui/screen.hpp"

#include <map>
#include <memory>
#include <string>
#include <utility>

namespace dongelek {

class FeatureSet {
public:
    FeatureSet(AppController& app, ui::UiContext& ui, TaskQueue& mainThread)
        : m_app(app), m_ui(ui), m_mainThread(mainThread)
    {
    }

    // Registers module M with the shell and its screen S (constructed as S(UiContext&, M&));
    // the module is constructed as M(AppController&, args...).
    template <typename M, typename S, typename... Args> void add(Args&&... args)
    {
        M& module = m_app.add<M>(std::forward<Args>(args)...);
        m_screens[module.id()] = std::make_unique<S>(m_ui, module);
    }
    // What the platform hands back on another thread (a photo prepared by a worker) reaches a
    // module through this queue, drained on the main thread each frame.
    TaskQueue& mainThread() const { return m_mainThread; }
    // Registers a module without a screen of its own (it claims no address; what it keeps is
    // shown by other features' screens), constructed as M(AppController&, args...).
    template <typename M, typename... Args> M& addModule(Args&&... args)
    {
        return m_app.add<M>(std::forward<Args>(args)...);
    }
    ui::Screen& screenFor(const Module& module) const { return *m_screens.at(module.id()); }

private:
    AppController& m_app;
    ui::UiContext& m_ui;
    TaskQueue& m_mainThread;
    std::map<std::string, std::unique_ptr<ui::Screen>> m_screens;
};

// The one registration place; the first feature is home (and takes unclaimed addresses).
void registerFeatures(FeatureSet& features);

} // namespace dongelek
