// photoblocks: the desktop application. Runs the same engine as photoblocksd on its own
// thread and shows it through the widgets in ui/ (see app/DesktopApp.h).
#include "app/DesktopApp.h"
#include "ui/GuiSettings.h"
#include "ui/Translations.h"

#include <QIcon>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName("photoblocks");
    QApplication::setApplicationName("photoblocks");
    QApplication::setApplicationVersion(PB_VERSION);
    QApplication::setWindowIcon(QIcon(":/photoblocks.svg"));
    QGuiApplication::setDesktopFileName("org.photoblocks.Photoblocks");  // installer/*.desktop
    const pb::ui::Translations translations(pb::ui::GuiSettings().language());
    return pb::app::runDesktopApp(app);
}
