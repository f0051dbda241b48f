// The tray menu: "Start mining" / "Stop mining" follows the node's status (disabled until the
// node runs) and asks for the opposite of what the node does; "Peers…" asks for the Peers page.
#include "ui/TrayIcon.h"

#include <QAction>
#include <QMenu>
#include <QSignalSpy>
#include <QtTest>

class TrayMenuTest : public QObject {
    Q_OBJECT
private slots:
    void miningEntryFollowsStatusAndAsksForTheOpposite()
    {
        pb::ui::TrayIcon tray;
        QVERIFY(tray.contextMenu()->actions().contains(tray.miningAction()));
        QVERIFY(!tray.miningAction()->isEnabled());  // the node is not running yet
        QSignalSpy toggle(&tray, &pb::ui::TrayIcon::miningToggleRequested);

        pb::NodeStatus status;
        status.ready = true;
        tray.showStatus(status);
        QVERIFY(tray.miningAction()->isEnabled());
        QCOMPARE(tray.miningAction()->text(), QString("Start mining"));
        tray.miningAction()->trigger();
        QCOMPARE(toggle.count(), 1);
        QCOMPARE(toggle.takeFirst().at(0).toBool(), true);

        status.mining = true;
        tray.showStatus(status);
        QCOMPARE(tray.miningAction()->text(), QString("Stop mining"));
        tray.miningAction()->trigger();
        QCOMPARE(toggle.takeFirst().at(0).toBool(), false);
    }

    void peersEntryAsksForThePeersPage()
    {
        pb::ui::TrayIcon tray;
        QSignalSpy peers(&tray, &pb::ui::TrayIcon::peersRequested);
        QCOMPARE(tray.peersAction()->text(), QString("Peers…"));
        tray.peersAction()->trigger();
        QCOMPARE(peers.count(), 1);
    }
};

QTEST_MAIN(TrayMenuTest)
#include "tst_tray_menu.moc"
