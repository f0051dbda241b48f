// The desktop app in one language ($PB_GUI_LANGUAGE: en, de or fr; one ctest per language):
//  - the language's .ts file translates every tr() string of ui/ (lupdate re-reads the sources
//    into a copy of it: nothing may come out unfinished, empty or missing);
//  - the window built after Translations, over a real engine on the test network, shows its
//    sidebar, menus and buttons in that language, and no widget text, accessible name,
//    placeholder, menu or table header is an English source string that has a translation;
//  - the language picker lists English, Deutsch and Français;
//  - amounts, numbers and times follow the language's conventions, and typed amounts are read
//    with its decimal separator.
// Screenshot: screenshots/overview-<language>.png.
#include "core/node/Node.h"
#include "core/wallet/Keystore.h"
#include "ui/GuiSettings.h"
#include "ui/LocaleFormat.h"
#include "ui/MainWindow.h"
#include "ui/MobilePage.h"
#include "ui/SettingsPage.h"
#include "ui/Translations.h"
#include "ui/WalletPage.h"
#include "tests/support/Screenshots.h"

#include <algorithm>

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QXmlStreamReader>
#include <QtTest>

namespace {

struct Expected {
    QString settings, chain, send, file;
};

const QMap<QString, Expected> kExpected = {
    {"en", {"Settings", "Chain", "Send…", "&File"}},
    {"de", {"Einstellungen", "Blockkette", "Senden…", "&Datei"}},
    {"fr", {"Paramètres", "Chaîne", "Envoyer…", "&Fichier"}},
};

// source -> its translations (one per context where it appears) of a .ts file, and what lupdate
// found unfinished in it.
struct TsFile {
    QMap<QString, QStringList> translations;
    QStringList unfinished;
};

TsFile readTs(const QString& path)
{
    TsFile ts;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return ts;
    QXmlStreamReader xml(&file);
    QString source;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement) continue;
        if (xml.name() == u"source") {
            source = xml.readElementText();
        } else if (xml.name() == u"translation") {
            const QString type = xml.attributes().value("type").toString();
            // A plural message (%n) holds one <numerusform> per form of the language; each must be filled.
            QStringList forms;
            QString text;
            while (!xml.atEnd()) {
                const auto token = xml.readNext();
                if (token == QXmlStreamReader::Characters) text += xml.text();
                else if (token == QXmlStreamReader::StartElement && xml.name() == u"numerusform") forms << xml.readElementText();
                else if (token == QXmlStreamReader::EndElement && xml.name() == u"translation") break;
            }
            if (forms.isEmpty()) forms << text;
            const bool empty = std::any_of(forms.cbegin(), forms.cend(), [](const QString& f) { return f.trimmed().isEmpty(); });
            if (type == "unfinished" || type == "vanished" || empty)
                ts.unfinished << source;
            else
                ts.translations[source] << forms;
        }
    }
    return ts;
}

// Every text a user sees or a screen reader reads in `root` and its children.
QStringList visibleTexts(QWidget* root)
{
    QStringList texts;
    QList<QWidget*> widgets = root->findChildren<QWidget*>();
    widgets << root;
    for (QWidget* w : widgets) {
        texts << w->accessibleName() << w->toolTip() << w->windowTitle();
        if (auto* label = qobject_cast<QLabel*>(w)) texts << label->text();
        if (auto* button = qobject_cast<QAbstractButton*>(w)) texts << button->text();
        if (auto* box = qobject_cast<QGroupBox*>(w)) texts << box->title();
        if (auto* edit = qobject_cast<QLineEdit*>(w)) texts << edit->placeholderText();
        if (auto* combo = qobject_cast<QComboBox*>(w))
            for (int i = 0; i < combo->count(); ++i) texts << combo->itemText(i);
        if (auto* list = qobject_cast<QListWidget*>(w))
            for (int i = 0; i < list->count(); ++i) texts << list->item(i)->text();
        if (auto* view = qobject_cast<QAbstractItemView*>(w); view && view->model())
            for (int c = 0; c < view->model()->columnCount(); ++c)
                texts << view->model()->headerData(c, Qt::Horizontal).toString();
        for (QAction* action : w->actions()) texts << action->text() << action->toolTip();
    }
    texts.removeAll(QString());
    return texts;
}

} // namespace

class GuiLanguagesTest : public QObject {
    Q_OBJECT
private:
    QString language_ = qEnvironmentVariable("PB_GUI_LANGUAGE");
    QTemporaryDir dir_{"/tmp/pbXXXXXX"};
    std::unique_ptr<pb::Node> node_;

    QString tsPath(const QString& language) const
    {
        return qEnvironmentVariable("PB_SOURCE_DIR") + "/translations/photoblocks_" + language + ".ts";
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(kExpected.contains(language_), qPrintable("PB_GUI_LANGUAGE must be en, de or fr, not " + language_));
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir_.filePath("settings"));
        QApplication::setOrganizationName("photoblocks-test");
        pb::NodeConfig config;
        config.network = "test";
        config.dataDir = dir_.filePath("node");
        config.logToStderr = false;
        config.port = 0;
        node_ = pb::createNode(config);
        QSignalSpy started(node_.get(), &pb::Node::started);
        node_->start();
        QVERIFY(started.wait(20000));
    }

    void cleanupTestCase()
    {
        if (node_) node_->stop();
    }

    void theTranslationCoversEveryStringOfTheWindow()
    {
        if (language_ == "en") {
            // English is the source language: the other files must not hold a string it lacks,
            // and its own strings come from the code.
            QVERIFY(!QFile::exists(tsPath("en")));
            return;
        }
        // lupdate reads ui/ as `ninja update_translations` does, into a copy of the file.
        const QString copy = dir_.filePath("photoblocks_" + language_ + ".ts");
        QFile::remove(copy);
        QVERIFY(QFile::copy(tsPath(language_), copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        QProcess lupdate;
        lupdate.start(PB_LUPDATE, {"-no-obsolete", "-locations", "none", "-I", qEnvironmentVariable("PB_SOURCE_DIR"),
                                   qEnvironmentVariable("PB_SOURCE_DIR") + "/ui", "-ts", copy});
        QVERIFY(lupdate.waitForFinished(60000));
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());
        const TsFile fresh = readTs(copy);
        QVERIFY2(fresh.translations.size() > 400, qPrintable(QString::number(fresh.translations.size())));
        QVERIFY2(fresh.unfinished.isEmpty(),
                 qPrintable(QString("%1 strings of ui/ have no %2 translation: %3")
                                .arg(fresh.unfinished.size()).arg(language_, fresh.unfinished.mid(0, 10).join(" | "))));
        // The committed file is what lupdate makes of it: no string lost or left behind.
        QCOMPARE(readTs(tsPath(language_)).translations.keys(), fresh.translations.keys());
        // Placeholders survive translation.
        for (auto it = fresh.translations.cbegin(); it != fresh.translations.cend(); ++it)
            for (const QString& translation : it.value())
                for (int n = 1; n <= 9; ++n) {
                    const QString marker = QString("%%1").arg(n);
                    QVERIFY2(it.key().contains(marker) == translation.contains(marker), qPrintable(it.key() + " → " + translation));
                }
    }

    void theWindowSpeaksTheLanguage()
    {
        pb::ui::GuiSettings().setLanguage(language_);
        pb::ui::Translations translations(pb::ui::GuiSettings().language());
        QCOMPARE(translations.active(), language_ != "en");
        pb::ui::MainWindow window(*node_, pb::wallet::Keystore::fileIn(dir_.filePath("node")));
        window.resize(1100, 720);
        window.show();
        QTest::qWait(300);
        const Expected expected = kExpected[language_];
        auto* sidebar = window.findChild<QListWidget*>();
        QCOMPARE(sidebar->item(pb::ui::MainWindow::SettingsIndex)->text(), expected.settings);
        QCOMPARE(sidebar->item(pb::ui::MainWindow::ChainIndex)->text(), expected.chain);
        QCOMPARE(window.walletPage()->sendButton()->text(), expected.send);
        QCOMPARE(window.menuBar()->actions().first()->text(), expected.file);

        QComboBox* picker = window.settingsPage()->languageBox();
        QStringList offered;
        for (int i = 0; i < picker->count(); ++i) offered << picker->itemData(i).toString();
        QCOMPARE(offered, (QStringList{"", "en", "de", "fr"}));
        QCOMPARE(picker->currentData().toString(), language_);

        // No English string that has a translation is left anywhere in the window. In English,
        // the reverse: no translation of another language leaked in.
        QStringList texts;
        for (int page = 0; page < sidebar->count(); ++page) {
            window.showPage(pb::ui::MainWindow::Page(page));
            QTest::qWait(50);
        }
        texts << visibleTexts(&window);
        for (QAction* menu : window.menuBar()->actions()) {
            texts << menu->text();
            if (menu->menu())
                for (QAction* action : menu->menu()->actions()) texts << action->text();
        }
        QVERIFY(texts.size() > 150);
        QStringList wrong;
        const QStringList others = language_ == "en" ? QStringList{"de", "fr"} : QStringList{language_};
        for (const QString& other : others) {
            const TsFile ts = readTs(tsPath(other));
            QStringList translated;
            for (const QStringList& list : ts.translations) translated << list;
            for (const QString& text : texts) {
                // A source string no context of the file leaves as it is, and that is no
                // translation itself (German's "Status" may translate another word).
                const bool untranslated = language_ != "en" && ts.translations.contains(text) &&
                                          !ts.translations[text].contains(text) && !translated.contains(text);
                const bool foreign = language_ == "en" && translated.contains(text) && !ts.translations.contains(text);
                if (untranslated || foreign) wrong << text;
            }
        }
        wrong.removeDuplicates();
        QVERIFY2(wrong.isEmpty(), qPrintable(QString("%1 texts in the %2 window are not in %2: %3")
                                                  .arg(wrong.size()).arg(language_, wrong.mid(0, 12).join(" | "))));
        window.showPage(pb::ui::MainWindow::OverviewIndex);
        QTest::qWait(200);
        pb::test::saveScreenshot(&window, "overview-" + language_);
    }

    void amountsNumbersAndTimesFollowTheLanguage()
    {
        pb::ui::Translations translations(language_);
        // French groups with a (narrow) no-break space.
        const QMap<QString, QStringList> coins = {
            {"en", {"1,234.50000000"}}, {"de", {"1.234,50000000"}},
            {"fr", {QString("1\u202f234,50000000"), QString("1\u00a0234,50000000")}}};
        QVERIFY2(coins[language_].contains(pb::ui::coinsText(123'450'000'000ull)), qPrintable(pb::ui::coinsText(123'450'000'000ull)));
        QCOMPARE(pb::ui::coinsText(1ull), "0" + QLocale().decimalPoint() + "00000001");
        const QString half = "0" + QLocale().decimalPoint() + "5";
        QCOMPARE(pb::ui::parseCoinsText(half), std::optional<quint64>(50'000'000));
        QCOMPARE(pb::ui::parseCoinsText("0.25"), std::optional<quint64>(25'000'000));  // a point always works
        QCOMPARE(pb::ui::numberText(1234567), QLocale().toString(1234567));
        QVERIFY(pb::ui::numberText(1234567) != "1234567");  // grouped, the language's way
        const QDateTime when(QDate(2026, 12, 24), QTime(18, 5, 9));
        QVERIFY2(pb::ui::dateTimeText(when).contains("18:05:09") || pb::ui::dateTimeText(when).contains("6:05:09"),
                 qPrintable(pb::ui::dateTimeText(when)));
        QVERIFY2(pb::ui::dateTimeText(when).contains(QLocale().toString(when.date(), QLocale::ShortFormat)),
                 qPrintable(pb::ui::dateTimeText(when)));
    }
};

QTEST_MAIN(GuiLanguagesTest)
#include "tst_gui_languages.moc"
