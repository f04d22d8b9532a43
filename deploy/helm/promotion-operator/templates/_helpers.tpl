{{/* The release's full name, used for every object of the chart. */}}
{{- define "promotion-operator.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "promotion-operator.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "promotion-operator.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "promotion-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "promotion-operator.labels" -}}
{{ include "promotion-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* The Secrets the configuration names, each once: the only ones the Role lets the operator read. */}}
{{- define "promotion-operator.secretNames" -}}
{{- $names := list -}}
{{- range .Values.config.repositories -}}
{{- if .credentialsSecret -}}{{- $names = append $names .credentialsSecret -}}{{- end -}}
{{- if and .gitlab .gitlab.tokenSecret -}}{{- $names = append $names .gitlab.tokenSecret -}}{{- end -}}
{{- range .notifications -}}{{- if .urlFrom -}}{{- $names = append $names .urlFrom.secretName -}}{{- end -}}{{- end -}}
{{- end -}}
{{- if .Values.webhook.enabled -}}{{- $names = append $names .Values.webhook.secretFrom.name -}}{{- end -}}
{{- $names | uniq | toJson -}}
{{- end -}}

{{/* operator.yaml: the config values plus the keys the chart owns (ports, cache directory, Leases, webhook). */}}
{{- define "promotion-operator.config" -}}
{{- $config := deepCopy .Values.config -}}
{{- $git := deepCopy (default dict $config.git) -}}
{{- $_ := set $git "cacheDir" .Values.gitCache.path -}}
{{- $_ = set $config "git" $git -}}
{{- $_ = set $config "httpPort" .Values.httpPort -}}
{{- $lease := dict "enabled" .Values.leaderElection.enabled "leaseName" .Values.leaderElection.leaseName "leaseNamespace" .Release.Namespace -}}
{{- $_ = set $config "leaderElection" $lease -}}
{{- if and .Values.repositoryLeases.enabled .Values.leaderElection.enabled -}}
{{- fail "enable either repositoryLeases or leaderElection, not both" -}}
{{- end -}}
{{- if .Values.repositoryLeases.enabled -}}
{{- $_ = set $config "repositoryLeases" .Values.repositoryLeases -}}
{{- end -}}
{{- if .Values.webhook.enabled -}}
{{- $peers := printf "%s-webhook-peers.%s.svc" (include "promotion-operator.fullname" .) .Release.Namespace -}}
{{- $_ = set $config "webhook" (dict "enabled" true "port" .Values.webhook.port "path" .Values.webhook.path "secretFrom" .Values.webhook.secretFrom "peers" $peers) -}}
{{- end -}}
{{- toYaml $config -}}
{{- end -}}
