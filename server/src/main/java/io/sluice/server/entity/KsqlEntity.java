package io.sluice.server.entity;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** One element of a {@code POST /ksql} response, tagged with ksqlDB's {@code @type} names. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "@type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = CommandStatusEntity.class, name = "currentStatus"),
  @JsonSubTypes.Type(value = StreamsList.class, name = "streams"),
  @JsonSubTypes.Type(value = TablesList.class, name = "tables"),
  @JsonSubTypes.Type(value = ViewsList.class, name = "views"),
  @JsonSubTypes.Type(value = QueriesList.class, name = "queries"),
  @JsonSubTypes.Type(value = TopicsList.class, name = "kafka_topics"),
  @JsonSubTypes.Type(value = PropertiesList.class, name = "properties"),
  @JsonSubTypes.Type(value = FunctionsList.class, name = "function_names"),
  @JsonSubTypes.Type(value = SourceDescriptionEntity.class, name = "sourceDescription"),
  @JsonSubTypes.Type(value = QueryDescriptionEntity.class, name = "queryDescription")
})
public sealed interface KsqlEntity
    permits CommandStatusEntity, StreamsList, TablesList, ViewsList, QueriesList, TopicsList, PropertiesList,
        FunctionsList, SourceDescriptionEntity, QueryDescriptionEntity {

  /** The statement this entity answers, as submitted. */
  String statementText();
}
