// photoblocks: the desktop application. Runs the same engine as photoblocksd on its own
// thread and shows it through the widgets in ui/.
#include "app/Options.h"
#include "core/api/ApiService.h"
#include "core/node/Node.h"
#include "ui/GuiSettings.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QIcon>
#include <QMessageBox>
#include <QSettings>
#include <cstdio>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName("photoblocks");
    QApplication::setApplicationName("photoblocks");
    QApplication::setApplicationVersion(PB_VERSION);
    QApplication::setWindowIcon(QIcon(":/photoblocks.svg"));

    // Saved settings fill in what the command line leaves out.
    const pb::app::ParseOutcome parsed = pb::app::parseOptions(pb::ui::GuiSettings().withSavedOptions(app.arguments()),
                                                               "Photoblocks desktop node and miner.");
    if (parsed.kind == pb::app::ParseOutcome::ExitOk) {
        std::fputs(qPrintable(parsed.message), stdout);
        return 0;
    }
    if (parsed.kind == pb::app::ParseOutcome::ExitError) {
        std::fprintf(stderr, "photoblocks: error: %s\n", qPrintable(parsed.message));
        QMessageBox::critical(nullptr, "Photoblocks",
                              QObject::tr("%1\n\nThe command line or the saved settings (Settings page, stored in %2) "
                                          "need correcting.").arg(parsed.message, QSettings().fileName()));
        return 2;
    }
    const pb::app::Options& options = parsed.options;

    auto node = pb::createNode(options.node);
    std::unique_ptr<pb::api::ApiService> api;
    pb::ui::MainWindow window(*node);
    QObject::connect(node.get(), &pb::Node::started, &window, [&] {
        if (options.restPort == 0) return;
        api = std::make_unique<pb::api::ApiService>(*node);
        QString error;
        if (api->start(QHostAddress::LocalHost, quint16(options.restPort), &error) == 0)
            QMessageBox::warning(&window, "Photoblocks", error);
    });
    window.show();
    node->start();
    const int code = app.exec();
    api.reset();
    node->stop();
    return code;
}
