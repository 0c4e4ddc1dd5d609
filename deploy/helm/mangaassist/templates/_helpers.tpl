{{/* The merged settings of one component: its own entry over the default block. */}}
{{- define "mangaassist.component" -}}
{{- $root := index . 0 -}}
{{- $name := index . 1 -}}
{{- $own := index $root.Values.components $name -}}
{{- toYaml (mergeOverwrite (deepCopy $root.Values.default) (deepCopy $own)) -}}
{{- end -}}

{{- define "mangaassist.labels" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/part-of: mangaassist
app.kubernetes.io/instance: {{ .release }}
app.kubernetes.io/version: {{ .version | quote }}
{{- end -}}

{{- define "mangaassist.selector" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .release }}
{{- end -}}

{{/* SERVICE_ADDR variables so every component can reach every gRPC service by its DNS name. */}}
{{- define "mangaassist.addresses" -}}
{{- range $name, $c := .Values.components }}
{{- if and $c.enabled (eq $c.kind "grpc") }}
- name: {{ $name | upper | replace "-" "_" }}_ADDR
  value: "{{ $.Release.Name }}-{{ $name }}:{{ $c.port }}"
{{- end }}
{{- end }}
{{- end -}}
