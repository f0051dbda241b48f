#pragma once
// Command-line options and the config file, shared by photoblocksd and photoblocks.
// Config file: one `key = value` per line with the long option names as keys (`#` starts a
// comment); the command line wins over the file.
#include "core/api/RestSettings.h"
#include "core/node/NodeConfig.h"

#include <QMap>
#include <QStringList>

namespace pb::app {

struct Options {
    NodeConfig node;
    api::RestSettings rest;  // port 0: no REST API
    QString photosDir; // --photos: new photos there become mining jobs
    // Where options came from, by long name: the arguments, and the config file (only the keys
    // the arguments did not set), so that the desktop app can show what overrides its settings.
    QMap<QString, QString> argumentValues;
    QMap<QString, QString> configFileValues;
    QString configFile;  // the config file read, or empty
};

struct ParseOutcome {
    enum Kind { Run, ExitOk, ExitError };
    Kind kind = Run;
    QString message;   // help/version text, or the error
    Options options;
};

ParseOutcome parseOptions(const QStringList& arguments, const QString& programDescription);

QString defaultDataDir(const QString& network);

} // namespace pb::app
