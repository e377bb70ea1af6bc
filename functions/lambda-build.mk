# Shared recipe for `sam build` (template.yaml: Metadata BuildMethod: makefile). A function's Makefile sets MODULE and
# HERE (its own folder) and includes this file; SAM runs `make build-<LogicalId>` with ARTIFACTS_DIR set.
#
# It builds the module's shaded jar with the repository's Maven wrapper and a JDK 25 (bin/jdk25.sh finds one), then
# unpacks the jar into ARTIFACTS_DIR: Lambda's Java runtime loads classes from the root of the zip SAM makes of it.
# Tests are skipped here; bin/test runs them.
LAMBDA_BUILD_MK := 1
SHELL := /bin/bash
ROOT := $(abspath $(HERE)../..)
VERSION := 0.1.0-SNAPSHOT
JAR := $(ROOT)/functions/$(MODULE)/target/$(MODULE)-$(VERSION)-lambda.jar

.PHONY: lambda-artifacts
lambda-artifacts:
	@if [ -z "$(ARTIFACTS_DIR)" ]; then echo "ARTIFACTS_DIR is not set: run this through 'sam build'" >&2; exit 2; fi
	@if [ ! -x "$(ROOT)/mvnw" ]; then echo "no mvnw in $(ROOT): sam build must build in source (samconfig.toml: build_in_source = true)" >&2; exit 2; fi
	cd "$(ROOT)" && . bin/jdk25.sh && ./mvnw -B -q -ntp -pl functions/$(MODULE) -am package -DskipTests \
	  && mkdir -p "$(ARTIFACTS_DIR)" && cd "$(ARTIFACTS_DIR)" && "$$JAVA_HOME/bin/jar" xf "$(JAR)"
