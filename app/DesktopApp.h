#pragma once
// The desktop application's run: options, node, main window, REST API and photo folder, with
// SIGINT/SIGTERM quitting cleanly at any moment (dialogs open or not). gui_main.cpp calls it;
// tests run it in a child process of their own to open dialogs the way a user would.
#include "app/Options.h"
#include "ui/SettingOrigins.h"

#include <QApplication>
#include <functional>

namespace pb {
class Node;
}
namespace pb::ui {
class MainWindow;
}

namespace pb::app {

// Called once the main window exists and is shown, before the first-run offer: tests script
// a user with it. Production passes nothing.
using DesktopHook = std::function<void(ui::MainWindow& window, Node& node)>;

// Runs until the user quits or a shutdown signal arrives; returns the exit code.
int runDesktopApp(QApplication& app, const DesktopHook& afterShow = {});

// The options of this run that `arguments` (the real command line) or a config file set.
ui::SettingOrigins settingOrigins(const Options& options, const QStringList& arguments);

// Closes every open dialog (rejects it, ending any nested event loop) and the main window, then
// ends the main event loop: what a shutdown signal does.
void quitEverything(ui::MainWindow& window);

} // namespace pb::app
