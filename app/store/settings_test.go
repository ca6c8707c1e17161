package store

import (
	"context"
	"path/filepath"
	"testing"
)

func TestTenantSettingsArePerTenantAndSurviveReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "leads.db")
	d, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if v, ok, err := d.TenantSetting(ctx, "Cust1", SettingNewCategory); err != nil || ok || v != "" {
		t.Fatalf("fresh database: %q %v %v", v, ok, err)
	}
	for _, s := range []struct{ tenant, key, value string }{
		{"Cust1", SettingNewCategory, "3"},
		{"Cust2", SettingNewCategory, "7"},
		{"Cust1", SettingFollowUpDays, "2"},
		{"Cust1", SettingFollowUpDays, "5"}, // replaces
		{"Cust1", SettingNewBusiness, "4"},
		{"Cust1", SettingNewBusiness, ""}, // forgets
	} {
		if err := d.SetTenantSetting(ctx, s.tenant, s.key, s.value, t0); err != nil {
			t.Fatal(err)
		}
	}
	if err := d.SetTenantSetting(ctx, "", SettingNewCategory, "1", t0); err == nil {
		t.Error("a setting without tenant was stored")
	}
	if err := d.Close(); err != nil {
		t.Fatal(err)
	}
	if d, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	for _, w := range []struct {
		tenant, key, value string
		ok                 bool
	}{
		{"Cust1", SettingNewCategory, "3", true},
		{"Cust2", SettingNewCategory, "7", true},
		{"Cust1", SettingFollowUpDays, "5", true},
		{"Cust1", SettingNewBusiness, "", false},
		{"Cust2", SettingFollowUpDays, "", false},
	} {
		v, ok, err := d.TenantSetting(ctx, w.tenant, w.key)
		if err != nil || ok != w.ok || v != w.value {
			t.Errorf("%s %s = %q %v %v, want %q %v", w.tenant, w.key, v, ok, err, w.value, w.ok)
		}
	}
}
