-- Health of a promotion.gitops.io/Promotion: a request, run once, to promote the image tags of a
-- workload group from one environment overlay to another.
-- Succeeded and Failed are final: the operator never runs the resource again, so a later generation
-- does not make them Progressing. Previewed is Suspended: the plan waits for a person to approve it
-- (spec.dryRun: false). Uses only the base and table libraries, as argocd-cm scripts get by default.
local hs = {}

local function present(text)
  return text ~= nil and text ~= ""
end

local function firstOf(...)
  for i = 1, select("#", ...) do
    local text = select(i, ...)
    if present(text) then
      return text
    end
  end
  return nil
end

local function readyCondition(status)
  for _, condition in ipairs(status.conditions or {}) do
    if condition.type == "Ready" then
      return condition
    end
  end
  return nil
end

local status = obj.status
if status == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator"
  return hs
end

if status.phase == "Succeeded" then
  hs.status = "Healthy"
  hs.message = firstOf(status.title, status.message, "Succeeded")
  return hs
end

if status.phase == "Failed" then
  hs.status = "Degraded"
  if present(status.reason) and present(status.message) then
    hs.message = status.reason .. ": " .. status.message
  else
    hs.message = firstOf(status.reason, status.message, "Failed")
  end
  return hs
end

local generation = (obj.metadata or {}).generation
if generation ~= nil and status.observedGeneration ~= nil and status.observedGeneration < generation then
  hs.status = "Progressing"
  hs.message = "Waiting for the operator to observe generation " .. generation
  return hs
end

local ready = readyCondition(status)
if ready ~= nil and ready.status == "Unknown" and ready.reason == "Retrying" then
  hs.status = "Progressing"
  hs.message = firstOf(ready.message, status.message, "Retrying")
  return hs
end

if status.phase == "Previewed" then
  if obj.spec ~= nil and obj.spec.dryRun == false then
    -- approved, and waiting for its turn on the repository
    hs.status = "Progressing"
    hs.message = firstOf(status.message, "Approved: waiting for the operator")
    return hs
  end
  hs.status = "Suspended"
  hs.message = firstOf(status.message, "Preview ready: set spec.dryRun to false to execute this plan")
  return hs
end

hs.status = "Progressing"
hs.message = firstOf(status.message, "Waiting for the operator")
return hs
