# One image for every Khabar service; the command picks the service (ingest, process, dashboard, site...).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY schemas/pom.xml schemas/
COPY embedded-kafka/pom.xml embedded-kafka/
COPY ingest/pom.xml ingest/
COPY processor/pom.xml processor/
COPY console/pom.xml console/
COPY benchmarks/pom.xml benchmarks/
COPY examples/pom.xml examples/
RUN ./mvnw -q -B -ntp dependency:go-offline -DexcludeReactor=true || true
COPY . .
RUN ./mvnw -q -B -ntp -DskipTests install -pl console -am

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home /app khabar
WORKDIR /app
COPY --from=build /src/console/target/khabar.jar /app/khabar.jar
COPY examples/ /app/examples/
USER khabar
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "-jar", "/app/khabar.jar"]
CMD ["--help"]
